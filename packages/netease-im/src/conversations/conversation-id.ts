import { nonEmptyText, validateInput } from '@msg/core'
import * as v from 'valibot'

/** A conversation type: 1 / `'p2p'` (one-to-one), 2 / `'team'` (advanced team), 3 / `'superteam'`. */
export type ConversationType = 1 | 2 | 3 | 'p2p' | 'team' | 'superteam'

/** The parts of a conversation id. */
export interface ConversationIdParts {
  /** The sender's account id (accid). */
  senderId: string
  type: ConversationType
  /** The receiver's account id for `p2p`, otherwise the team id. */
  receiverId: string
}

const typeNumbers = { p2p: 1, team: 2, superteam: 3 } as const

/**
 * An account or team id: non-empty, well-formed (ids travel in the URL path, where a lone surrogate
 * would make `encodeURIComponent` throw), without the `|` separator.
 */
export const accountIdSchema = v.pipe(nonEmptyText, v.excludes('|', 'must not contain |'))

/** A conversation type as a number (1–3) or a name. */
export const conversationTypeSchema = v.picklist(
  [1, 2, 3, 'p2p', 'team', 'superteam'],
  'must be 1, 2, 3, p2p, team or superteam',
)

/** A text's target: the `from` and `to` account or team ids and the conversation `type`. */
export const targetSchema = v.object({
  from: accountIdSchema,
  to: accountIdSchema,
  type: conversationTypeSchema,
})

/** `sender_id|conversation_type|receiver_id` from already validated parts. */
export function joinConversationId(senderId: string, type: ConversationType, receiverId: string): string {
  return `${senderId}|${typeof type === 'number' ? type : typeNumbers[type]}|${receiverId}`
}

/**
 * Builds a conversation id, `sender_id|conversation_type|receiver_id` (e.g. `alice|1|bob`), for
 * `client.conversation.sendMessage`. Throws a `ValidationError` for an empty id, an id containing `|`,
 * or a type other than 1–3 / `p2p` / `team` / `superteam`.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export function conversationId(parts: ConversationIdParts): string {
  const valid = validateInput(
    v.object({ senderId: accountIdSchema, type: conversationTypeSchema, receiverId: accountIdSchema }),
    parts,
    { vendor: 'netease-im', operation: 'conversationId' },
  )
  return joinConversationId(valid.senderId, valid.type, valid.receiverId)
}
