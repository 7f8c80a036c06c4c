import { parseExactJson } from '@msg/core'
import type { FxiaokeEvent, FxiaokePushBody } from './fxiaoke-event.js'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const filled = (value: unknown): value is string => typeof value === 'string' && value !== ''

/**
 * The outer body's fields, `unsigned` without a `sig`, or what is wrong with it.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/beans/MsgReceiveParamVO.java
 */
export type PushRead =
  | { kind: 'push'; push: FxiaokePushBody }
  | { kind: 'unsigned' }
  | { kind: 'malformed'; reason: string }

/**
 * Reads `{ nonce, timeStamp, content, sig }`; `timeStamp` may be a JSON string or integer.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/beans/MsgReceiveParamVO.java
 */
export function readFxiaokePush(text: string): PushRead {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { kind: 'malformed', reason: 'not JSON' }
  }
  if (!isObject(body)) return { kind: 'malformed', reason: 'not a JSON object' }
  const { nonce, content, sig } = body
  const timeStamp = Number.isSafeInteger(body.timeStamp) ? String(body.timeStamp) : body.timeStamp
  if (!filled(nonce) || !filled(timeStamp) || !filled(content)) {
    return { kind: 'malformed', reason: 'nonce, timeStamp and content are required' }
  }
  if (!filled(sig)) return { kind: 'unsigned' }
  return { kind: 'push', push: { nonce, timeStamp, content, sig } }
}

/**
 * Parses the decrypted message into an event, or names what is wrong with it.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/controller/FSCallbackController.java
 */
export function readFxiaokeEvent(message: string): FxiaokeEvent | string {
  let event: unknown
  try {
    event = parseExactJson(message)
  } catch {
    return 'decrypted content is not JSON'
  }
  if (!isObject(event) || typeof event.type !== 'string' || typeof event.content !== 'string') {
    return 'decrypted content needs a string type and content'
  }
  if (event.type !== 'Message') return event as FxiaokeEvent
  let inner: unknown
  try {
    inner = parseExactJson(event.content)
  } catch {
    return 'Message content is not JSON'
  }
  if (!isObject(inner)) return 'Message content is not a JSON object'
  return { ...event, message: inner } as FxiaokeEvent
}
