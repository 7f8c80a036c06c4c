import { type CallOptions, type EndpointResult, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { NeteaseImContext } from '../netease-im-context.js'
import { neteaseImResponseReader } from '../netease-im-response-reader.js'
import { conversationIdSchema } from './conversation-id-schema.js'
import { traceIdOf } from './trace-id.js'

/**
 * How `recallMessage` removes a message: 1 one-way recall (gone for the receiver, kept for the
 * sender), 2 two-way recall (gone for both), 3 delete.
 * @see https://github.com/netease-im/yunxin-server-sdk-golang/blob/main/src/im/v2/message/message_v2_requests.go
 */
export type NeteaseImRecallType = 1 | 2 | 3

/**
 * The query of `DELETE /im/v2/conversations/{conversation_id}/messages/{message_server_id}`.
 * @see https://github.com/netease-im/yunxin-server-sdk-golang/blob/main/src/im/v2/message/message_v2_service_impl.go
 */
export interface NeteaseImRecallOptions {
  type: NeteaseImRecallType
  /** Sent as the `server_extension` query parameter. */
  server_extension?: string
  /** Sent as the `notify` query parameter. */
  notify?: string
}

const int64Max = 9223372036854775807n

/** A `message_server_id`: a decimal string of a positive int64 (a JS number may have lost digits). */
export const messageServerIdSchema = v.pipe(
  v.string('must be a decimal string (a number may already have lost digits)'),
  v.regex(/^[1-9]\d{0,18}$/, 'must be a positive integer in decimal digits'),
  v.check((id) => BigInt(id) <= int64Max, 'must fit in a signed 64-bit integer'),
)

const optionalText = v.optional(v.string('must be a string'))

const inputSchema = v.object({
  conversation_id: conversationIdSchema,
  message_server_id: messageServerIdSchema,
  options: v.object(
    {
      type: v.picklist([1, 2, 3], 'must be 1 (one-way recall), 2 (two-way recall) or 3 (delete)'),
      server_extension: optionalText,
      notify: optionalText,
    },
    (issue) => (issue.input === undefined ? 'is required' : 'must be an object'),
  ),
})

/**
 * DELETE /im/v2/conversations/{conversation_id}/messages/{message_server_id}?type=1|2|3: the id goes
 * into the path digit for digit. Retried under one `X-custom-traceid` (recalling twice changes
 * nothing more). NetEase answers `data: {}`.
 * @see https://github.com/netease-im/yunxin-server-sdk-golang/blob/main/src/im/v2/message/message_v2_service_impl.go
 */
export async function recallConversationMessage(
  context: NeteaseImContext,
  conversationId: string,
  messageServerId: string,
  recall: NeteaseImRecallOptions,
  options?: CallOptions,
): Promise<EndpointResult<Record<string, unknown>>> {
  const operation = 'conversation.recallMessage'
  const input = validateInput(
    inputSchema,
    { conversation_id: conversationId, message_server_id: messageServerId, options: recall },
    { vendor: 'netease-im', operation },
  )
  const { type, server_extension, notify } = input.options
  const query: Record<string, string> = { type: String(type) }
  if (server_extension !== undefined) query.server_extension = server_extension
  if (notify !== undefined) query.notify = notify
  const traceId = traceIdOf(options)
  const data: Record<string, unknown> = await context.http.send({
    operation,
    method: 'DELETE',
    path: `/im/v2/conversations/${encodeURIComponent(input.conversation_id)}/messages/${input.message_server_id}`,
    query: () => query,
    headers: { 'X-custom-traceid': traceId },
    idempotent: true,
    read: neteaseImResponseReader(context, traceId, v.looseObject({})),
    options,
  })
  return { data, requestId: traceId }
}
