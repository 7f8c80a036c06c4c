import { type CallOptions, type EndpointResult, invalidInput, type SentMessage } from '@msg/core'
import { postPrivateLetter } from './finder/post-private-letter.js'
import type { GeweContext } from './gewe-context.js'
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

/** Sends `content` as a text to a chat or a Channels letter → the endpoint's result. Internal. */
export function sendToTarget(
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
