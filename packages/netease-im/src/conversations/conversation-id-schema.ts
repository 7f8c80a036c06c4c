import { nonEmptyText } from '@msg/core'
import * as v from 'valibot'

/**
 * A ready conversation id as the send-message and recall paths take it:
 * `sender_id|conversation_type|receiver_id` with type 1, 2 or 3.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export const conversationIdSchema = v.pipe(
  nonEmptyText,
  v.regex(/^[^|]+\|[123]\|[^|]+$/, 'must be sender_id|conversation_type|receiver_id with type 1, 2 or 3'),
)
