import { type CallOptions, type Notice, noticeText, type SentMessage } from '@msg/core'
import type { GeweContext } from './gewe-context.js'
import { type GeweTarget, sendToTarget } from './gewe-text-channel.js'
import { forwardFileSchema } from './message/forward-file.js'
import { forwardImageSchema } from './message/forward-image.js'
import { forwardMiniAppSchema } from './message/forward-mini-app.js'
import { forwardUrlSchema } from './message/forward-url.js'
import { forwardVideoSchema } from './message/forward-video.js'
import { postAppMsgSchema } from './message/post-app-msg.js'
import { postEmojiSchema } from './message/post-emoji.js'
import { postFileSchema } from './message/post-file.js'
import { postImageSchema } from './message/post-image.js'
import { postLinkSchema } from './message/post-link.js'
import { type GewePostData, postMessage } from './message/post-message.js'
import { postMiniAppSchema } from './message/post-mini-app.js'
import { postNameCardSchema } from './message/post-name-card.js'
import { postVideoSchema } from './message/post-video.js'
import { postVoiceSchema } from './message/post-voice.js'
import { type RevokeMsgBody, revokeMsg as revoke } from './message/revoke-msg.js'

// The rich half of the client: loaded on first use (`import()` in the client), so an app that only
// sends texts carries none of it.

/**
 * The rule of each rich `message/*` send, by operation name.
 * @see @msg/gewe README.md#rich-messages
 */
const postSchemas = {
  postImage: postImageSchema,
  postFile: postFileSchema,
  postLink: postLinkSchema,
  postVideo: postVideoSchema,
  postVoice: postVoiceSchema,
  postNameCard: postNameCardSchema,
  postEmoji: postEmojiSchema,
  postAppMsg: postAppMsgSchema,
  postMiniApp: postMiniAppSchema,
  forwardImage: forwardImageSchema,
  forwardFile: forwardFileSchema,
  forwardVideo: forwardVideoSchema,
  forwardUrl: forwardUrlSchema,
  forwardMiniApp: forwardMiniAppSchema,
}

/**
 * A rich `message/*` send (`op` one of {@link postSchemas}): checks the body, then sends it paced → its `data`.
 * @see @msg/gewe README.md#rich-messages
 */
export async function post(
  context: GeweContext,
  op: keyof typeof postSchemas,
  body: unknown,
  options?: CallOptions,
): Promise<GewePostData> {
  return (await postMessage(context, op, postSchemas[op], body, options)).data
}

/**
 * Revokes a sent message.
 * @see https://doc.geweapi.com/ (消息模块/撤回消息)
 */
export function revokeMsg(context: GeweContext, body: RevokeMsgBody, options?: CallOptions): Promise<void> {
  return revoke(context, body, options)
}

/**
 * Sends a `Notice` (already checked by core) in GeWe's best form: a link card (`postLink`, title =
 * `title` or the first line of `text`, desc = `text`, linkUrl = `url`, thumbUrl = the
 * `noticeThumbUrl` setting) to a chat when it has a `url` and a thumbnail is configured; otherwise
 * — no url, no thumbnail, a target with `ats` (a card cannot mention) or a Channels letter — as
 * text lines.
 * @see @msg/gewe README.md#notices-through-a-channel
 */
export async function sendNotice(
  context: GeweContext,
  target: GeweTarget,
  notice: Notice,
  options?: CallOptions,
): Promise<SentMessage> {
  const { appId, toWxid, ats } = (target ?? {}) as { appId?: string; toWxid?: string; ats?: string }
  const thumbUrl = context.noticeThumbUrl
  const card = notice.url !== undefined && thumbUrl !== undefined && toWxid !== undefined && ats === undefined
  const result = await (card
    ? postMessage(
        context,
        'postLink',
        postLinkSchema,
        {
          appId,
          toWxid,
          title: notice.title ?? notice.text.trim().split('\n')[0],
          desc: notice.text,
          linkUrl: notice.url,
          thumbUrl,
        },
        options,
      )
    : sendToTarget(context, target, noticeText(notice), options))
  return { vendor: 'gewe', messageId: result.data.newMsgId, raw: result.data }
}
