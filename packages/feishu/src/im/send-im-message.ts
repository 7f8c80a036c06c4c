import type { CallOptions, EndpointResult } from '@msg/core'
import type { FeishuContext } from '../feishu-context.js'
import { readData } from '../feishu-envelope.js'
import { type ImMessage, imMessageSchema } from './message.js'

/** One im/v1 create or reply whose input has already been checked; `body.content` is a JSON string. */
export interface ImMessageCall {
  operation: 'im.message.create' | 'im.message.reply'
  path: string
  query?: Record<string, string>
  /** Sent as is, in Feishu's documented field order; absent optional fields are left out by JSON. */
  body: { msg_type: string; content: string; uuid?: string | undefined; [field: string]: unknown }
}

/**
 * The one im/v1 send behind create, reply and `sendText`. With a `uuid` Feishu sends at most one
 * message per uuid within an hour, so 5xx and timeouts are retried under it; without one they are not.
 */
export function sendImMessage(
  context: FeishuContext,
  call: ImMessageCall,
  options?: CallOptions,
): Promise<EndpointResult<ImMessage>> {
  const { query } = call
  return context.http.send({
    operation: call.operation,
    path: call.path,
    query: query && (() => query),
    body: call.body,
    idempotent: call.body.uuid !== undefined,
    read: readData(imMessageSchema),
    options,
  })
}

/** The create path. */
export const imMessagesPath = '/open-apis/im/v1/messages'

/** The reply path of a message id (encoded: ids are caller input). */
export const replyPath = (messageId: string) => `${imMessagesPath}/${encodeURIComponent(messageId)}/reply`
