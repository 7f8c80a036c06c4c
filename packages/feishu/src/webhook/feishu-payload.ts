import type { FeishuCardAction } from './feishu-card-action.js'
import type { FeishuEvent } from './feishu-event.js'

/**
 * A decrypted push sorted by what it is, with the token it carries and its de-duplication keys.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export type FeishuPayload =
  | { kind: 'challenge'; token: unknown; challenge: string }
  | { kind: 'event'; token: unknown; eventType: string; keys: string[]; event: FeishuEvent }
  | { kind: 'card'; token: unknown; legacy: boolean; action: FeishuCardAction }
  | { kind: 'malformed'; reason: string }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isText = (value: unknown): value is string => typeof value === 'string' && value !== ''

function eventV2(body: Record<string, unknown>): FeishuPayload {
  const header = body.header
  if (!isObject(header) || !isText(header.event_id) || !isText(header.event_type) || !isObject(body.event)) {
    return { kind: 'malformed', reason: 'schema 2.0 needs header.event_id, header.event_type and event' }
  }
  const token = header.token
  if (header.event_type === 'card.action.trigger') {
    return { kind: 'card', token, legacy: false, action: body as unknown as FeishuCardAction }
  }
  const keys = [`event:${header.event_id}`]
  if (header.event_type === 'im.message.receive_v1') {
    const message = (body.event as { message?: { message_id?: unknown } }).message
    if (!isText(message?.message_id)) return { kind: 'malformed', reason: 'event.message.message_id missing' }
    keys.push(`message:${message.message_id}`)
  }
  return { kind: 'event', token, eventType: header.event_type, keys, event: body as unknown as FeishuEvent }
}

/**
 * Sorts a decrypted push: the `url_verification` challenge, a schema 2.0 or 1.0 event, a
 * `card.action.trigger` callback, or the legacy card callback. De-duplication keys are
 * `event:<event_id>` (2.0) or `event:<uuid>` (1.0), plus `message:<message_id>` for
 * `im.message.receive_v1`, which Feishu may push twice under different event ids.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/events/receive
 */
export function readFeishuPayload(body: unknown): FeishuPayload {
  if (!isObject(body)) return { kind: 'malformed', reason: 'not a JSON object' }
  if (body.type === 'url_verification') {
    if (!isText(body.challenge)) return { kind: 'malformed', reason: 'challenge missing' }
    return { kind: 'challenge', token: body.token, challenge: body.challenge }
  }
  if (body.schema === '2.0') return eventV2(body)
  if (body.type === 'event_callback') {
    const event = body.event as { type?: unknown } | undefined
    if (!isText(body.uuid) || !isObject(event) || !isText(event.type)) {
      return { kind: 'malformed', reason: 'schema 1.0 needs uuid and event.type' }
    }
    const keys = [`event:${body.uuid}`]
    return {
      kind: 'event',
      token: body.token,
      eventType: event.type,
      keys,
      event: body as unknown as FeishuEvent,
    }
  }
  if (isText(body.open_message_id) && isObject(body.action)) {
    return { kind: 'card', token: body.token, legacy: true, action: body as unknown as FeishuCardAction }
  }
  return { kind: 'malformed', reason: 'neither an event, a challenge nor a card callback' }
}
