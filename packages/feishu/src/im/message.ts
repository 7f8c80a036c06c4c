import { nonEmptyText } from '@msg/core'
import * as v from 'valibot'

/**
 * A message as im/v1 create and reply return it in `data`. Timestamps are millisecond strings.
 * `root_id`, `parent_id`, `thread_id` and `upper_message_id` appear only for replies, threads and forwards.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export interface ImMessage {
  message_id: string
  root_id?: string
  parent_id?: string
  thread_id?: string
  msg_type?: string
  create_time?: string
  update_time?: string
  deleted?: boolean
  updated?: boolean
  chat_id?: string
  sender?: { id: string; id_type: string; sender_type: string; tenant_key?: string }
  /** `content` is a JSON string; mentions appear as `@_user_N`, mapped by `mentions`. */
  body?: { content: string }
  mentions?: { key: string; id: string; id_type: string; name: string; tenant_key?: string }[]
  upper_message_id?: string
}

/**
 * im/v1 `msg_type` values.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export type ImMessageType =
  | 'text'
  | 'post'
  | 'image'
  | 'file'
  | 'audio'
  | 'media'
  | 'sticker'
  | 'interactive'
  | 'share_chat'
  | 'share_user'
  | 'system'

/**
 * Checks the one field the client relies on (`message_id`) and passes the documented rest through
 * unchanged (all ids and timestamps are strings on this API; nothing is 64-bit).
 */
export const imMessageSchema = v.looseObject({ message_id: v.string() }) as v.GenericSchema<
  unknown,
  ImMessage
>

/** Largest im/v1 `content`: 150 KB, counted in UTF-8 bytes. */
export const maxContentBytes = 150 * 1024

/** `content`: a JSON string as on the wire, or `{ text }` (stringified for you) for `msg_type: 'text'`. */
export const contentSchema = v.pipe(
  v.union(
    [
      nonEmptyText,
      v.pipe(
        v.strictObject({ text: nonEmptyText }),
        v.transform((content) => JSON.stringify(content)),
      ),
    ],
    'must be a JSON string or { text }',
  ),
  v.maxBytes(maxContentBytes, 'at most 150 KB (UTF-8 bytes)'),
)

/** `uuid`: Feishu's de-duplication key, at most 50 characters. */
export const uuidSchema = v.optional(v.pipe(nonEmptyText, v.maxLength(50, 'at most 50 characters')))

/** An optional boolean flag (`reply_in_thread`). */
export const optionalFlag = v.optional(v.boolean('must be a boolean'))
