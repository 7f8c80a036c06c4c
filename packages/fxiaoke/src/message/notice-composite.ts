import { type CallOptions, type Notice, noticeText } from '@msg/core'
import type { FxiaokeContext } from '../fxiaoke-context.js'
import type { FxiaokeSentMessage, FxiaokeTarget } from '../fxiaoke-text-channel.js'
import { validateMessage } from './message-schema.js'
import type { FxiaokeComposite } from './message-types.js'
import { sendInBatches } from './send-in-batches.js'

/**
 * A {@link Notice} as a composite card: `head.title` is the title (the text when there is none),
 * `first.content` the text (left out when it is the head already), `link` the url under `linkTitle`.
 * Undefined without a url: Fxiaoke requires a composite's link.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/compound/
 */
export function noticeComposite(notice: Notice, linkTitle: string): FxiaokeComposite | undefined {
  if (notice.url === undefined) return undefined
  return {
    head: { title: notice.title ?? notice.text },
    ...(notice.title === undefined ? {} : { first: { content: notice.text } }),
    link: { title: linkTitle, url: notice.url },
  }
}

/**
 * The channel's `sendNotice`: a notice with a url goes out as a composite message, one without as a
 * text of its lines (title, text) through `sendText`; both in batches of 500 like `sendText`. The notice is validated
 * by core's `noticeSchema` before this runs.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/compound/
 */
export function sendFxiaokeNotice(
  context: FxiaokeContext,
  target: FxiaokeTarget,
  notice: Notice,
  linkTitle: string,
  sendText: (target: FxiaokeTarget, text: string, options?: CallOptions) => Promise<FxiaokeSentMessage>,
  options?: CallOptions,
): Promise<FxiaokeSentMessage> {
  const composite = noticeComposite(notice, linkTitle)
  if (!composite) return sendText(target, noticeText(notice), options)
  const message = validateMessage({ toUser: target?.toUser, msgType: 'composite', composite }, 'channel.send')
  return sendInBatches(context, message, 'channel.send', options)
}
