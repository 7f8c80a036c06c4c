import { type CallOptions, type EndpointResult, nonEmptyText, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { FeishuContext } from '../feishu-context.js'
import { readData } from '../feishu-envelope.js'

/**
 * The legacy v4 text send body, exactly as documented. At least one recipient field is required;
 * with several, Feishu picks chat_id > open_id > user_id > email.
 * @see https://open.larksuite.com/document/ukTMukTMukTM/uMDMxEjLzATMx4yMwETM
 */
export interface MessageSendBody {
  open_id?: string
  /** v3 `employee_id`. */
  user_id?: string
  email?: string
  /** v3 `open_chat_id`. */
  chat_id?: string
  /** The message being replied to. */
  root_id?: string
  msg_type: 'text'
  /** An object on this endpoint (im/v1 takes a JSON string). */
  content: { text: string }
}

/**
 * What v4 send returns in `data`.
 * @see https://open.larksuite.com/document/ukTMukTMukTM/uMDMxEjLzATMx4yMwETM
 */
export interface MessageSendData {
  message_id: string
}

const id = v.optional(nonEmptyText)

const bodySchema = v.pipe(
  v.strictObject(
    {
      open_id: id,
      user_id: id,
      email: id,
      chat_id: id,
      root_id: id,
      msg_type: v.literal('text', "must be 'text'"),
      content: v.strictObject({ text: nonEmptyText }),
    },
    'unknown field',
  ),
  v.check(
    (body) => [body.open_id, body.user_id, body.email, body.chat_id].some((value) => value !== undefined),
    'needs at least one of open_id, user_id, email, chat_id',
  ),
)

const dataSchema = v.object({ message_id: v.string() })

/**
 * `POST /open-apis/message/v4/send/` (the trailing slash is part of the documented path). Feishu
 * does not de-duplicate this endpoint, so it is never resent after an ambiguous failure (timeout,
 * 5xx): only token rejections, rate limits and connections refused before sending are retried.
 */
export async function messageSend(
  context: FeishuContext,
  body: MessageSendBody,
  options?: CallOptions,
): Promise<EndpointResult<MessageSendData>> {
  validateInput(bodySchema, body, { vendor: 'feishu', operation: 'message.send' })
  return context.http.send({
    operation: 'message.send',
    path: '/open-apis/message/v4/send/',
    // The caller's own object: its field order and bytes go out unchanged.
    body,
    read: readData(dataSchema),
    options,
  })
}
