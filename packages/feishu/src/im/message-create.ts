import { type CallOptions, type EndpointResult, nonEmptyText, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { FeishuContext } from '../feishu-context.js'
import { contentSchema, type ImMessage, type ImMessageType, uuidSchema } from './message.js'
import { imMessagesPath, sendImMessage } from './send-im-message.js'

/**
 * Which kind of id `receive_id` is. Pass it explicitly; id prefixes are conventions only.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export type ReceiveIdType = 'open_id' | 'union_id' | 'user_id' | 'email' | 'chat_id'

/**
 * The request of im/v1 create, as in Feishu's docs: `params` is the query, `data` the body.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export interface ImMessageCreateRequest {
  params: { receive_id_type: ReceiveIdType }
  data: {
    receive_id: string
    msg_type: ImMessageType
    /** A JSON string; for `msg_type: 'text'` also `{ text }`, stringified for you. At most 150 KB. */
    content: string | { text: string }
    /** De-duplication key (≤ 50 characters): one message per uuid within an hour. */
    uuid?: string
  }
}

const receiveIdTypes: ReceiveIdType[] = ['open_id', 'union_id', 'user_id', 'email', 'chat_id']

const requestSchema = v.object({
  params: v.object({
    receive_id_type: v.picklist(receiveIdTypes, `must be one of ${receiveIdTypes.join(', ')}`),
  }),
  data: v.object({
    receive_id: nonEmptyText,
    msg_type: nonEmptyText,
    content: contentSchema,
    uuid: uuidSchema,
  }),
})

/** `POST /open-apis/im/v1/messages?receive_id_type=…`, after checking the request. */
export async function imMessageCreate(
  context: FeishuContext,
  request: ImMessageCreateRequest,
  options?: CallOptions,
): Promise<EndpointResult<ImMessage>> {
  const { params, data } = validateInput(requestSchema, request, {
    vendor: 'feishu',
    operation: 'im.message.create',
  })
  return sendImMessage(
    context,
    { operation: 'im.message.create', path: imMessagesPath, query: params, body: data },
    options,
  )
}
