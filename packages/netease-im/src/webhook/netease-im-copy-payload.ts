import { parseExactJson } from '@msg/core'
import type { NeteaseImConversationMessageCopy, NeteaseImCopyEvent } from './netease-im-copy-event.js'

/**
 * A verified body sorted by what it is: the console's `{}` address check, a copy event with its
 * de-duplication keys (and, for a one-to-one or team message, the message), or not NetEase's shape.
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export type NeteaseImCopyPayload =
  | { kind: 'address-check' }
  | {
      kind: 'event'
      event: NeteaseImCopyEvent
      eventType: string
      keys: string[]
      message?: NeteaseImConversationMessageCopy
    }
  | { kind: 'malformed'; reason: string }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * An id as an exact string: a non-empty string, or an integer that fit a double.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/jY5MDk1NTQ
 */
export function copyId(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value
  return Number.isSafeInteger(value) ? String(value) : undefined
}

const messageKinds = new Set(['PERSON', 'TEAM'])

/**
 * Parses a verified copy body losslessly (`parseExactJson`: 64-bit ids stay exact strings) and sorts
 * it. `{}` is the address check the console sends when the URL is saved. Keys: `<eventType>:<msgidServer>`
 * where the event has a server message id, else `md5:<MD5 header>` (the same copy sent again has the
 * same body). A `PERSON` or `TEAM` message (eventType 1) must carry `msgidServer`, `fromAccount` and `to`.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/jY5MDk1NTQ
 */
export function readNeteaseImCopy(text: string, bodyMd5: string): NeteaseImCopyPayload {
  let body: unknown
  try {
    body = parseExactJson(text)
  } catch {
    return { kind: 'malformed', reason: 'not JSON' }
  }
  if (!isObject(body)) return { kind: 'malformed', reason: 'not a JSON object' }
  if (Object.keys(body).length === 0) return { kind: 'address-check' }
  const eventType = copyId(body.eventType)
  if (eventType === undefined) return { kind: 'malformed', reason: 'eventType missing' }
  const event = body as NeteaseImCopyEvent
  const serverId = copyId(body.msgidServer)
  const keys = [serverId === undefined ? `md5:${bodyMd5.toLowerCase()}` : `${eventType}:${serverId}`]
  if (eventType !== '1') return { kind: 'event', event, eventType, keys }
  if (typeof body.convType !== 'string') return { kind: 'malformed', reason: 'convType missing' }
  if (!messageKinds.has(body.convType)) return { kind: 'event', event, eventType, keys }
  const fromAccount = copyId(body.fromAccount)
  const to = copyId(body.to)
  if (serverId === undefined || fromAccount === undefined || to === undefined) {
    return { kind: 'malformed', reason: 'a message needs msgidServer, fromAccount and to' }
  }
  const message = { ...body, msgidServer: serverId, fromAccount, to } as NeteaseImConversationMessageCopy
  return { kind: 'event', event, eventType, keys, message }
}
