import { type PushAttempt, pushWithRetries } from '@msg/core'
import type { GeweSecretIn } from '../webhook/gewe-secret.js'

/**
 * How the fake calls back: the shared secret as your webhook expects it, and the retries. GeWe
 * documents that it retries ("失败重试") but not how often or when, so the fake does not retry
 * unless told to.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export interface GeweDeliverOptions {
  /** Sent as the last path segment (default) or in `secretHeader`. */
  secret?: string
  /** Default `path`: `url` + `/` + the percent-encoded secret. */
  secretIn?: GeweSecretIn
  /** Default `authorization`, the whole value being the secret. */
  secretHeader?: string
  /** Redeliveries after a failed attempt. Default 0 (GeWe's count is not documented). */
  retries?: number
  /** Waits before each redelivery; the last one repeats. Default `[1000]`. */
  retryDelaysMs?: readonly number[]
  /** Multiplies every wait, e.g. `0.001` in tests. Default 1. */
  timeScale?: number
  /** An attempt not answered within this is a failure, as GeWe's 3 s limit. Default 3000. */
  timeoutMs?: number
  fetch?: typeof fetch
  signal?: AbortSignal
}

/**
 * The outcome of {@link deliverGeweCallback}: `delivered` once an attempt got HTTP 200.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export interface GeweDelivery {
  delivered: boolean
  attempts: PushAttempt[]
  /** The JSON text that was posted. */
  body: string
}

const rawIdFields = new Set(['MsgId', 'NewMsgId', 'msgId', 'newMsgId'])
const marker = '\u0000raw:'

/**
 * A callback as the JSON text GeWe sends: `MsgId`/`NewMsgId` (and v2's `msgId`/`newMsgId`) given as
 * decimal strings are written as raw JSON numbers, as GeWe writes them, even beyond 2^53.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export function geweCallbackJson(callback: object): string {
  const text = JSON.stringify(callback, (key, value) =>
    rawIdFields.has(key) && typeof value === 'string' && /^-?\d+$/.test(value) ? `${marker}${value}` : value,
  )
  return text.replace(/"\\u0000raw:(-?\d+)"/g, '$1')
}

/**
 * Posts a callback to `url` like GeWe: `POST` with `content-type: application/json`, the body from
 * {@link geweCallbackJson} (a string is sent as given), the secret in the path or a header when
 * configured, and redeliveries after any answer but HTTP 200 within `timeoutMs` (none by default).
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export async function deliverGeweCallback(
  url: string,
  callback: object | string,
  options: GeweDeliverOptions = {},
): Promise<GeweDelivery> {
  const body = typeof callback === 'string' ? callback : geweCallbackJson(callback)
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  let target = url
  if (options.secret !== undefined) {
    if ((options.secretIn ?? 'path') === 'header')
      headers[options.secretHeader ?? 'authorization'] = options.secret
    else target = `${url.replace(/\/+$/, '')}/${encodeURIComponent(options.secret)}`
  }
  const delays = options.retryDelaysMs ?? [1000]
  const delivery = await pushWithRetries(target, {
    request: async () => ({ headers, body }),
    accepted: (status) => status === 200,
    retries: options.retries ?? 0,
    waitMs: (retry) => (delays[Math.min(retry - 1, delays.length - 1)] ?? 0) * (options.timeScale ?? 1),
    timeoutMs: options.timeoutMs ?? 3000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  return { ...delivery, body }
}

/**
 * `fake.deliver(url, callback, options)`: the fake calling back like GeWe, i.e. {@link deliverGeweCallback}.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export type GeweFakeDeliver = typeof deliverGeweCallback
