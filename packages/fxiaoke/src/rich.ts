import type { CallOptions, Notice } from '@msg/core'
import type { FxiaokeContext } from './fxiaoke-context.js'
import { type FxiaokeSentMessage, type FxiaokeTarget, sendFxiaokeText } from './fxiaoke-text-channel.js'
import { sendFxiaokeNotice } from './message/notice-composite.js'

// The rich half of the client: loaded on first use (`import()` in the client), so an app that only
// sends texts carries none of it — neither the schemas of the composite and articles messages nor
// the image upload.

export { uploadMedia } from './media/upload.js'
export { sendMessage } from './message/send.js'

/**
 * The channel's `sendNotice` (the notice already checked by the channel): a composite card when it
 * has a url, else a text of its lines, both in batches of 500.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/compound/
 */
export function sendNotice(
  context: FxiaokeContext,
  target: FxiaokeTarget,
  notice: Notice,
  linkTitle: string,
  options?: CallOptions,
): Promise<FxiaokeSentMessage> {
  const sendText = (to: FxiaokeTarget, text: string, more?: CallOptions) =>
    sendFxiaokeText(context, to, text, more)
  return sendFxiaokeNotice(context, target, notice, linkTitle, sendText, options)
}
