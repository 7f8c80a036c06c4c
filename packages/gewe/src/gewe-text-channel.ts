import {
  type CallOptions,
  type EndpointResult,
  invalidInput,
  type Notice,
  noticeText,
  type SentMessage,
} from '@msg/core'
import { postPrivateLetter } from './finder/post-private-letter.js'
import type { GeweContext } from './gewe-context.js'
import { postLinkSchema } from './message/post-link.js'
import { postMessage } from './message/post-message.js'
import { type PostTextBody, postText } from './message/post-text.js'

/**
 * Where `sendText` goes: a chat (`message/postText`) or a Channels private letter
 * (`finder/postPrivateLetter`), always through one logged-in device `appId`.
 * @see https://doc.geweapi.com/
 */
export type GeweTarget =
  | { appId: string; toWxid: string; ats?: string }
  | { appId: string; finder: { toUserName: string; myUserName: string; msgSessionId: string } }

/** Sends `text` to a chat or a Channels letter; the endpoint checks every field before sending. Internal. */
export async function sendGeweText(
  context: GeweContext,
  target: GeweTarget,
  text: string,
  options?: CallOptions,
): Promise<SentMessage> {
  const result = await sendToTarget(context, target, text, options)
  return { vendor: 'gewe', messageId: result.data.newMsgId, raw: result.data }
}

function sendToTarget(
  context: GeweContext,
  target: GeweTarget,
  content: string,
  options: CallOptions | undefined,
): Promise<EndpointResult<{ newMsgId: string }>> {
  if (typeof target === 'object' && target !== null) {
    if ('finder' in target) {
      return postPrivateLetter(context, { ...target.finder, appId: target.appId, content }, options)
    }
    if ('toWxid' in target) {
      // An absent `ats` stays `undefined`, which JSON leaves out.
      const { appId, toWxid, ats } = target
      return postText(context, { appId, toWxid, content, ats } as PostTextBody, options)
    }
  }
  throw invalidInput({ vendor: 'gewe', operation: 'sendText' }, [
    { path: 'target', message: 'must have toWxid or finder' },
  ])
}

/**
 * Sends a `Notice` (already checked by core) in GeWe's best form: a link card (`postLink`, title =
 * `title` or the first line of `text`, desc = `text`, linkUrl = `url`, thumbUrl = the
 * `noticeThumbUrl` setting) to a chat when it has a `url` and a thumbnail is configured; otherwise
 * — no url, no thumbnail, a target with `ats` (a card cannot mention) or a Channels letter — as
 * text lines. Internal.
 * @see @msg/gewe README.md#notices-through-a-channel
 */
export async function sendGeweNotice(
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
