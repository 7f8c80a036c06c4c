import { type CallOptions, type InboundMessage, MsgError, type Notice, type SentMessage } from '@msg/core'
import type { GeweClient } from '../gewe-client.js'
import type { GeweAddMsgCallback } from './gewe-callback.js'

/**
 * The cross-vendor `InboundMessage` of a GeWe text message (`AddMsg`, `MsgType` 1); `raw` is the
 * whole callback in GeWe's field names, ids as exact strings.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export type GeweInboundMessage = InboundMessage<GeweAddMsgCallback> & { vendor: 'gewe' }

/**
 * What `reply` sends through: `message.postText` for a text, `channel(target)` for a `Notice`.
 * @see @msg/gewe README.md#receiving-callbacks
 */
export type GeweReplyClient = Pick<GeweClient, 'message' | 'channel'>

/**
 * Who wrote the message and where: in a group (`FromUserName` ends with `@chatroom`) the sender is
 * the `"<wxid>:\n"` prefix of `Content`, which is cut from the text; a message the account itself
 * sent (`FromUserName` = `Wxid`) belongs to the chat in `ToUserName`.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export function geweMessageParties(callback: GeweAddMsgCallback): {
  chatId: string
  senderId: string
  text: string
  self: boolean
} {
  const from = callback.Data.FromUserName.string ?? ''
  const to = callback.Data.ToUserName?.string ?? ''
  const content = callback.Data.Content?.string ?? ''
  const self = callback.Wxid !== undefined && from === callback.Wxid
  if (from.endsWith('@chatroom')) {
    const match = /^([^\s:]+):\n/.exec(content)
    return {
      chatId: from,
      senderId: match?.[1] ?? '',
      text: match ? content.slice(match[0].length) : content,
      self,
    }
  }
  return { chatId: self ? to : from, senderId: from, text: content, self }
}

/**
 * Builds the `InboundMessage` for `onMessage`. `reply` answers in the same chat through the client
 * (paced per `appId` like every send; GeWe has no idempotency key, so a handler that runs again
 * replies again); without a client it throws a `MsgError` naming the missing setting.
 * @see https://doc.geweapi.com/
 */
export function geweInboundMessage(
  callback: GeweAddMsgCallback,
  client: GeweReplyClient | undefined,
): GeweInboundMessage {
  const { chatId, senderId, text } = geweMessageParties(callback)
  const target = { appId: callback.Appid, toWxid: chatId }
  async function reply(message: string | Notice, options?: CallOptions): Promise<SentMessage> {
    if (!client) {
      throw new MsgError({
        vendor: 'gewe',
        message: 'reply: no client. Pass `client: createGewe({ token })` to createGeweWebhook.',
      })
    }
    if (typeof message !== 'string') return client.channel(target).send(message, options)
    const sent = await client.message.postText({ ...target, content: message }, options)
    return { vendor: 'gewe', messageId: sent.newMsgId, raw: sent }
  }
  return {
    vendor: 'gewe',
    messageId: callback.Data.NewMsgId,
    chatId,
    senderId,
    text,
    raw: callback,
    reply,
  }
}
