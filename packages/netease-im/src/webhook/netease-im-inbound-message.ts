import {
  type CallOptions,
  derivedUuid,
  type InboundMessage,
  MsgError,
  type Notice,
  type SentMessage,
} from '@msg/core'
import type { NeteaseImClient } from '../netease-im-client.js'
import type { NeteaseImTarget } from '../netease-im-text-channel.js'
import type { NeteaseImConversationMessageCopy } from './netease-im-copy-event.js'

/**
 * The cross-vendor `InboundMessage` of a one-to-one (`PERSON`) or team (`TEAM`) message copy; `raw` is
 * the verified copy in NetEase's field names, `msgidServer`, `fromAccount` and `to` as exact strings.
 * @see @msg/netease-im README.md#receiving-the-message-copy
 */
export type NeteaseImInboundMessage = InboundMessage<NeteaseImConversationMessageCopy> & {
  vendor: 'netease-im'
}

/**
 * What `reply` needs from the webhook's settings.
 * @see @msg/netease-im README.md#inboundmessage-and-reply
 */
export interface ReplySettings {
  client?: Pick<NeteaseImClient, 'channel'> | undefined
  replyFrom?: string | undefined
}

/**
 * The `message_client_id` of the `n`-th reply to a message: derived from both (UUID-shaped), so a
 * handler that runs again on a re-sent copy sends the same id and NetEase keeps one reply (107306).
 */
const replyClientId = (msgidServer: string, n: number): Promise<string> => derivedUuid(`${msgidServer}#${n}`)

/**
 * The conversation a message arrived in: `p2p:<accid>|<accid>` (the two accounts sorted, so both
 * directions share it) or `team:<tid>`.
 * @see @msg/netease-im README.md#receiving-the-message-copy
 */
export function neteaseImCopyChatId(message: NeteaseImConversationMessageCopy): string {
  if (message.convType === 'TEAM') return `team:${message.to}`
  const [first, second] = [message.fromAccount, message.to].sort()
  return `p2p:${first}|${second}`
}

/**
 * Builds the `InboundMessage` for `onMessage`. `reply` sends through `client.channel(target)`: a
 * one-to-one message is answered from the account it was sent to (`to`) back to `fromAccount`; a team
 * message from `replyFrom` to the team. A text goes as a text, a `Notice` as the channel renders it.
 * Without a client (or, for a team, without `replyFrom`) it throws a `MsgError` naming the setting.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export function neteaseImInboundMessage(
  message: NeteaseImConversationMessageCopy,
  settings: ReplySettings,
): NeteaseImInboundMessage {
  let replies = 0
  async function reply(content: string | Notice, options: CallOptions = {}): Promise<SentMessage> {
    const { client, replyFrom } = settings
    if (!client) {
      throw new MsgError({
        vendor: 'netease-im',
        message:
          'reply: no client. Pass `client: createNeteaseIm({ appKey, appSecret })` to createNeteaseImWebhook.',
      })
    }
    const team = message.convType === 'TEAM'
    if (team && !replyFrom) {
      throw new MsgError({
        vendor: 'netease-im',
        message:
          'reply: a team message needs `replyFrom` (the accid that answers) in createNeteaseImWebhook.',
      })
    }
    const target: NeteaseImTarget = team
      ? { from: replyFrom as string, to: message.to, type: 'team' }
      : { from: message.to, to: message.fromAccount, type: 'p2p' }
    replies += 1
    const idempotencyKey = options.idempotencyKey ?? (await replyClientId(message.msgidServer, replies))
    return client.channel(target).send(content, { ...options, idempotencyKey })
  }
  return {
    vendor: 'netease-im',
    messageId: message.msgidServer,
    chatId: neteaseImCopyChatId(message),
    senderId: message.fromAccount,
    ...(message.msgType === 'TEXT' && typeof message.body === 'string' ? { text: message.body } : {}),
    raw: message,
    reply,
  }
}
