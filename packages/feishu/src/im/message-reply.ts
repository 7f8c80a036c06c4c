import { type CallOptions, type EndpointResult, nonEmptyText, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { FeishuContext } from '../feishu-context.js'
import { contentSchema, type ImMessage, type ImMessageType, optionalFlag, uuidSchema } from './message.js'
import { replyPath, sendImMessage } from './send-im-message.js'

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
  path: v.object({ message_id: nonEmptyText }),
  data: v.object({
    content: contentSchema,
    msg_type: nonEmptyText,
    reply_in_thread: optionalFlag,
    uuid: uuidSchema,
  }),
})

/** `POST /open-apis/im/v1/messages/{message_id}/reply`, after checking the request. */
export async function imMessageReply(
  context: FeishuContext,
  request: ImMessageReplyRequest,
  options?: CallOptions,
): Promise<EndpointResult<ImMessage>> {
  const { path, data } = validateInput(requestSchema, request, {
    vendor: 'feishu',
    operation: 'im.message.reply',
  })
  return sendImMessage(
    context,
    { operation: 'im.message.reply', path: replyPath(path.message_id), body: data },
    options,
  )
}
