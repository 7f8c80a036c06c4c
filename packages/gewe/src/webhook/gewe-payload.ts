import { parseExactJson } from '@msg/core'
import type { GeweCallback } from './gewe-callback.js'

/**
 * A callback body sorted by what it is: a control packet GeWe sends while the URL is being set up
 * (answered 200, no handler), a callback with its de-duplication keys, or not GeWe's shape.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export type GewePayload =
  | { kind: 'control' }
  | { kind: 'callback'; keys: string[]; callback: GeweCallback }
  | { kind: 'malformed'; reason: string }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isText = (value: unknown): value is string => typeof value === 'string' && value !== ''

/** A raw JSON integer id as an exact string: unsafe ones already arrive as strings. */
function exactId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value)
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return value
  return undefined
}

/** Replaces the id fields present in `record` with exact strings; false when one is not an integer. */
function exactIds(record: Record<string, unknown>, fields: readonly string[]): boolean {
  for (const field of fields) {
    if (record[field] === undefined) continue
    const id = exactId(record[field])
    if (id === undefined) return false
    record[field] = id
  }
  return true
}

/**
 * The packets GeWe is reported to send after the callback URL is set: `{ testMsg, token }` and
 * `{ msg: "设置订阅成功!!", callBackUrl }`. Neither has a `TypeName` or an `appid`.
 */
function isControl(body: Record<string, unknown>): boolean {
  return 'testMsg' in body || 'callBackUrl' in body || 'callbackUrl' in body
}

function readV1(body: Record<string, unknown>): GewePayload {
  if (!isText(body.Appid)) return { kind: 'malformed', reason: 'Appid missing' }
  if (body.Data !== undefined && !isObject(body.Data))
    return { kind: 'malformed', reason: 'Data not an object' }
  const data = body.Data
  if (data && !exactIds(data, ['MsgId', 'NewMsgId'])) {
    return { kind: 'malformed', reason: 'Data.MsgId or Data.NewMsgId not an integer' }
  }
  const callback = body as unknown as GeweCallback
  if (body.TypeName !== 'AddMsg') {
    // Only messages carry a documented de-duplication id; other events are handled as they come.
    const keys = typeof data?.NewMsgId === 'string' ? [`${body.Appid}:${data.NewMsgId}`] : []
    return { kind: 'callback', keys, callback }
  }
  if (!data || typeof data.NewMsgId !== 'string')
    return { kind: 'malformed', reason: 'Data.NewMsgId missing' }
  const from = data.FromUserName as { string?: unknown } | undefined
  if (!isObject(from) || !isText(from.string)) {
    return { kind: 'malformed', reason: 'Data.FromUserName.string missing' }
  }
  if (typeof data.MsgType !== 'number') return { kind: 'malformed', reason: 'Data.MsgType missing' }
  return { kind: 'callback', keys: [`${body.Appid}:${data.NewMsgId}`], callback }
}

/**
 * Parses a callback body losslessly (`MsgId`/`NewMsgId` come out as exact strings, also when GeWe
 * sends them as raw numbers beyond 2^53) and sorts it. Version 1 needs `TypeName` and `Appid`, and an
 * `AddMsg` also `Data.NewMsgId`, `Data.FromUserName.string` and `Data.MsgType`; its key is
 * `Appid:NewMsgId`, as GeWe's callback page asks. Version 2 (flat, `appid`) is keyed
 * `appid:newMsgId` when it has one.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export function readGewePayload(text: string): GewePayload {
  let body: unknown
  try {
    body = parseExactJson(text)
  } catch {
    return { kind: 'malformed', reason: 'not JSON' }
  }
  if (!isObject(body)) return { kind: 'malformed', reason: 'not a JSON object' }
  if (isText(body.TypeName)) return readV1(body)
  if (isText(body.appid)) {
    if (!exactIds(body, ['msgId', 'newMsgId'])) {
      return { kind: 'malformed', reason: 'msgId or newMsgId not an integer' }
    }
    const keys = typeof body.newMsgId === 'string' ? [`${body.appid}:${body.newMsgId}`] : []
    return { kind: 'callback', keys, callback: body as unknown as GeweCallback }
  }
  if (isControl(body)) return { kind: 'control' }
  return { kind: 'malformed', reason: 'neither a callback (TypeName, Appid) nor a control packet' }
}
