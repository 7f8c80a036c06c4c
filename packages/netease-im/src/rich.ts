import type { CallOptions } from '@msg/core'
import { type NeteaseImRecallOptions, recallConversationMessage } from './conversations/recall-message.js'
import { sendBatchConversationMessages } from './conversations/send-batch-messages.js'
import type {
  NeteaseImBatchMessagesBody,
  NeteaseImBatchSent,
} from './conversations/send-batch-messages-types.js'
import { sendConversationMessage } from './conversations/send-message.js'
import type { NeteaseImSendMessageBody, NeteaseImSentMessage } from './conversations/send-message-types.js'
import type { NeteaseImContext } from './netease-im-context.js'

// The rich half of the client: loaded on first use (`import()` in the client), so an app that only
// sends texts carries none of it (the checks of every message type, batch sends, recalls).

/**
 * Any message type to one conversation, checked in full before it is sent; answers NetEase's `data`.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export async function sendMessage(
  context: NeteaseImContext,
  conversationId: string,
  body: NeteaseImSendMessageBody,
  options?: CallOptions,
): Promise<NeteaseImSentMessage> {
  return (await sendConversationMessage(context, conversationId, body, options)).data
}

/**
 * One p2p message to many receivers, in consecutive calls of at most 100.
 * @see https://doc.commsease.com/messaging2/server-apis/zgzOTE1MTI
 */
export function sendBatchMessages(
  context: NeteaseImContext,
  body: NeteaseImBatchMessagesBody,
  options?: CallOptions,
): Promise<NeteaseImBatchSent> {
  return sendBatchConversationMessages(context, body, options)
}

/**
 * Recalls (`type` 1 or 2) or deletes (3) a message by its exact `message_server_id`.
 * @see https://github.com/netease-im/yunxin-server-sdk-golang/blob/main/src/im/v2/message/message_v2_service_impl.go
 */
export async function recallMessage(
  context: NeteaseImContext,
  conversationId: string,
  messageServerId: string,
  recall: NeteaseImRecallOptions,
  options?: CallOptions,
): Promise<void> {
  await recallConversationMessage(context, conversationId, messageServerId, recall, options)
}
