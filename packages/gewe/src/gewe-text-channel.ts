import { type CallOptions, type SentMessage, type TextChannel, ValidationError } from '@msg/core'
import { postPrivateLetter } from './finder/post-private-letter.js'
import type { GeweContext, GeweResult } from './gewe-context.js'
import { postText } from './message/post-text.js'

/**
 * Where `sendText` goes: a chat (`message/postText`) or a Channels private letter
 * (`finder/postPrivateLetter`), always through one logged-in device `appId`.
 * @see https://doc.geweapi.com/
 */
export type GeweTarget =
  | { appId: string; toWxid: string; ats?: string }
  | { appId: string; finder: { toUserName: string; myUserName: string; msgSessionId: string } }

/** Builds `sendText` and `channel` over a client's context. Internal. */
export function createTextSender(context: GeweContext): {
  sendText(target: GeweTarget, text: string, options?: CallOptions): Promise<SentMessage>
  channel(target: GeweTarget): TextChannel
} {
  const sendText = async (target: GeweTarget, text: string, options?: CallOptions): Promise<SentMessage> => {
    let result: GeweResult<{ newMsgId: string }>
    if (target && typeof target === 'object' && 'finder' in target) {
      const finder = target.finder ?? {}
      result = await postPrivateLetter(context, { ...finder, appId: target.appId, content: text }, options)
    } else if (target && typeof target === 'object' && 'toWxid' in target) {
      const body = { appId: target.appId, toWxid: target.toWxid, content: text }
      result = await postText(
        context,
        target.ats === undefined ? body : { ...body, ats: target.ats },
        options,
      )
    } else {
      throw new ValidationError({
        vendor: 'gewe',
        message: 'sendText: invalid input, nothing was sent: target: must have toWxid or finder',
        issues: [{ path: 'target', message: 'must have toWxid or finder' }],
      })
    }
    const sent: SentMessage = { vendor: 'gewe', messageId: result.data.newMsgId, raw: result.data }
    if (result.requestId !== undefined) sent.requestId = result.requestId
    return sent
  }
  return {
    sendText,
    channel: (target) => ({ vendor: 'gewe', send: (text, options) => sendText(target, text, options) }),
  }
}
