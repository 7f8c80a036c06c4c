import { type CallOptions, type EndpointResult, validateInput } from '@msg/core'
import type { NeteaseImContext } from '../netease-im-context.js'
import { postConversationMessage } from './post-message.js'
import { sendMessageInputSchema } from './send-message-schema.js'
import type { NeteaseImSendMessageBody, NeteaseImSentMessage } from './send-message-types.js'

/**
 * POST /im/v2/conversations/{conversation_id}/messages. Validates first (every documented limit of
 * every message type), then posts: `message_client_id` (idempotencyKey or a UUID) and
 * `X-custom-traceid` kept on every attempt, 107306 read as "already delivered". Returns the data and
 * the trace id.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export async function sendConversationMessage(
  context: NeteaseImContext,
  conversationId: string,
  body: NeteaseImSendMessageBody,
  options?: CallOptions,
): Promise<EndpointResult<NeteaseImSentMessage>> {
  const input = validateInput(
    sendMessageInputSchema(context.textLimit),
    { conversation_id: conversationId, body },
    { vendor: 'netease-im', operation: 'conversation.sendMessage' },
  )
  return postConversationMessage(context, conversationId, input.body as NeteaseImSendMessageBody, options)
}
