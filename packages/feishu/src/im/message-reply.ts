import { type CallOptions, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { FeishuContext } from '../feishu-authorization.js'
import { type FeishuResult, readData } from '../feishu-envelope.js'
import {
  contentSchema,
  type ImMessage,
  type ImMessageType,
  imMessageSchema,
  requiredText,
  uuidSchema,
} from './message.js'

/**
 * The request of im/v1 reply, as in Feishu's docs: `path` holds the replied-to message, `data` the body.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/reply
 */
export interface ImMessageReplyRequest {
  path: { message_id: string }
  data: {
    msg_type: ImMessageType
    /** A JSON string; for `msg_type: 'text'` also `{ text }`, stringified for you. At most 150 KB. */
    content: string | { text: string }
    /** Reply in a thread under the message. */
    reply_in_thread?: boolean
    /** De-duplication key (≤ 50 characters): one message per uuid within an hour. */
    uuid?: string
  }
}

const requestSchema = v.object({
  path: v.object({ message_id: requiredText }),
  data: v.object({
    content: contentSchema,
    msg_type: requiredText,
    reply_in_thread: v.optional(v.boolean('must be a boolean')),
    uuid: uuidSchema,
  }),
})

/**
 * `POST /open-apis/im/v1/messages/{message_id}/reply`. Retries 5xx and timeouts only under a `uuid`.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/reply
 */
export async function imMessageReply(
  context: FeishuContext,
  request: ImMessageReplyRequest,
  options?: CallOptions,
): Promise<FeishuResult<ImMessage>> {
  const { path, data } = validateInput(requestSchema, request, {
    vendor: 'feishu',
    operation: 'im.message.reply',
  })
  return context.authorized((headers) =>
    context.http.send({
      operation: 'im.message.reply',
      path: `/open-apis/im/v1/messages/${encodeURIComponent(path.message_id)}/reply`,
      headers: () => headers,
      // In the documented field order; absent optional fields are left out by JSON.
      body: data,
      idempotent: data.uuid !== undefined,
      read: readData(imMessageSchema),
      options,
    }),
  )
}
