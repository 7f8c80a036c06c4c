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
    receive_id: requiredText,
    msg_type: requiredText,
    content: contentSchema,
    uuid: uuidSchema,
  }),
})

/**
 * `POST /open-apis/im/v1/messages?receive_id_type=…`. With a `uuid` Feishu sends at most one message
 * per uuid within an hour, so 5xx and timeouts are retried under the same uuid; without one they are not.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export async function imMessageCreate(
  context: FeishuContext,
  request: ImMessageCreateRequest,
  options?: CallOptions,
): Promise<FeishuResult<ImMessage>> {
  const { params, data } = validateInput(requestSchema, request, {
    vendor: 'feishu',
    operation: 'im.message.create',
  })
  return context.authorized((headers) =>
    context.http.send({
      operation: 'im.message.create',
      path: '/open-apis/im/v1/messages',
      query: () => params,
      headers: () => headers,
      body: data,
      idempotent: data.uuid !== undefined,
      read: readData(imMessageSchema),
      options,
    }),
  )
}
