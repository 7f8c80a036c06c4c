import { type CallOptions, type EndpointResult, randomUuid } from '@msg/core'
import * as v from 'valibot'
import type { NeteaseImContext } from '../netease-im-context.js'
import { neteaseImResponseReader } from '../netease-im-response-reader.js'
import type { NeteaseImSendMessageBody, NeteaseImSentMessage } from './send-message-types.js'
import { traceIdOf } from './trace-id.js'

const sentMessageSchema = v.looseObject({
  message_server_id: v.optional(v.pipe(v.union([v.string(), v.number()]), v.transform(String))),
})

/**
 * POST /im/v2/conversations/{conversation_id}/messages with an already validated body: fills
 * `message_client_id` (idempotencyKey or a UUID) and keeps it and `X-custom-traceid` on every attempt
 * (the transport signs each attempt afresh), and reads 107306 as "already delivered". Returns the data
 * and the trace id. Shared by the text path and the full send, which validate before calling it.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export async function postConversationMessage(
  context: NeteaseImContext,
  conversationId: string,
  body: NeteaseImSendMessageBody,
  options?: CallOptions,
): Promise<EndpointResult<NeteaseImSentMessage>> {
  const operation = 'conversation.sendMessage'
  const messageClientId = body.message.message_client_id ?? options?.idempotencyKey ?? randomUuid()
  const sent = { ...body, message: { ...body.message, message_client_id: messageClientId } }
  const traceId = traceIdOf(options)
  const data: NeteaseImSentMessage = await context.http.send({
    operation,
    path: `/im/v2/conversations/${encodeURIComponent(conversationId)}/messages`,
    headers: { 'Content-Type': 'application/json;charset=utf-8', 'X-custom-traceid': traceId },
    body: sent,
    // NetEase de-duplicates message_client_id (107306), reused on every attempt.
    idempotent: true,
    // Already delivered by an earlier attempt or call on 107306.
    read: neteaseImResponseReader(context, traceId, sentMessageSchema, {
      message_client_id: messageClientId,
    }),
    options,
  })
  return { data, requestId: traceId }
}
