import { type CallOptions, type SentMessage, validateInput } from '@msg/core'
import * as v from 'valibot'
import {
  accountIdSchema,
  type ConversationType,
  conversationTypeSchema,
  joinConversationId,
} from './conversations/conversation-id.js'
import { sendConversationMessage } from './conversations/send-message.js'
import type { NeteaseImContext } from './netease-im-context.js'

/**
 * Who a text goes to: `from` is the sending account, `to` the receiving account (`p2p`) or team id.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export interface NeteaseImTarget {
  from: string
  to: string
  type: ConversationType
}

const targetSchema = v.object({ from: accountIdSchema, to: accountIdSchema, type: conversationTypeSchema })

/**
 * Sends a text message (`message_type: 0`) with a `message_client_id` (idempotencyKey or a UUID) that
 * every retry reuses. `messageId` is `message_server_id`; `requestId` the `X-custom-traceid`.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export async function sendNeteaseImText(
  context: NeteaseImContext,
  target: NeteaseImTarget,
  text: string,
  options?: CallOptions,
): Promise<SentMessage> {
  const valid = validateInput(targetSchema, target, { vendor: 'netease-im', operation: 'sendText' })
  const { data, requestId } = await sendConversationMessage(
    context,
    joinConversationId(valid.from, valid.type, valid.to),
    { message: { message_type: 0, text } },
    options,
  )
  return {
    vendor: 'netease-im',
    ...(data.message_server_id === undefined ? {} : { messageId: data.message_server_id }),
    requestId,
    raw: data,
  }
}
