import {
  type CallOptions,
  checkNotice,
  derivedUuid,
  type InboundMessage,
  invalidInput,
  MsgError,
  type Notice,
  type SentMessage,
} from '@msg/core'
import { maxCardBytes } from '../im/card.js'
import { feishuNoticeCard } from '../im/notice-card.js'
import type { FeishuClient } from '../index.js'
import type { FeishuEventV2, ImMessageReceiveEvent } from './feishu-event.js'
import { feishuMessageText } from './feishu-message-text.js'

/**
 * The cross-vendor `InboundMessage` of a Feishu `im.message.receive_v1` event; `raw` is the whole
 * verified event in Feishu's field names.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/events/receive
 */
export type FeishuInboundMessage = InboundMessage<FeishuEventV2<ImMessageReceiveEvent>> & { vendor: 'feishu' }

/**
 * What `reply` needs of a client: `im.message.reply` (a `createFeishu` client has it).
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/reply
 */
export interface FeishuReplyClient {
  im: { message: Pick<FeishuClient['im']['message'], 'reply'> }
}

/**
 * The uuid of the `n`-th reply to `messageId`: derived from both, so a handler that runs again on
 * Feishu's re-push sends the same uuid and Feishu keeps one reply (within its one-hour window).
 */
const replyUuid = (messageId: string, n: number): Promise<string> => derivedUuid(`${messageId}#${n}`)

/**
 * Builds the `InboundMessage` for `onMessage`. `reply` answers through `client.im.message.reply`
 * (a text, or a `Notice` as an interactive card, at most 30 KB) under a uuid, reused on the client's retries; without a client
 * it throws a `MsgError` naming the missing setting.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/reply
 */
export function feishuInboundMessage(
  event: FeishuEventV2<ImMessageReceiveEvent>,
  client: FeishuReplyClient | undefined,
): FeishuInboundMessage {
  const { message, sender } = event.event
  const ids = sender.sender_id ?? {}
  const text = feishuMessageText(message)
  let replies = 0
  async function reply(content: string | Notice, options: CallOptions = {}): Promise<SentMessage> {
    if (!client) {
      throw new MsgError({
        vendor: 'feishu',
        message:
          'reply: no client. Pass `client: createFeishu({ appId, appSecret })` to createFeishuWebhook.',
      })
    }
    const card =
      typeof content === 'string'
        ? undefined
        : JSON.stringify(feishuNoticeCard(checkNotice(content, { vendor: 'feishu', operation: 'reply' })))
    if (card !== undefined && new TextEncoder().encode(card).length > maxCardBytes) {
      throw invalidInput({ vendor: 'feishu', operation: 'reply' }, [
        { path: 'notice', message: 'at most 30 KB as a card (UTF-8 bytes of the JSON content)' },
      ])
    }
    replies += 1
    const uuid = options.idempotencyKey ?? (await replyUuid(message.message_id, replies))
    const data =
      card === undefined
        ? { msg_type: 'text' as const, content: { text: content as string }, uuid }
        : { msg_type: 'interactive' as const, content: card, uuid }
    const sent = await client.im.message.reply({ path: { message_id: message.message_id }, data }, options)
    return { vendor: 'feishu', messageId: sent.message_id, raw: sent }
  }
  return {
    vendor: 'feishu',
    messageId: message.message_id,
    chatId: message.chat_id,
    senderId: ids.open_id ?? ids.user_id ?? ids.union_id ?? '',
    ...(text === undefined ? {} : { text }),
    raw: event,
    reply,
  }
}
