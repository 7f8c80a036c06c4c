import { type PushAttempt, pushWithRetries } from '@msg/core'
import { md5Hex } from '../md5.js'
import { neteaseImCopyCheckSum } from '../webhook/netease-im-copy-signature.js'

/**
 * A copy to send: its fields in NetEase's names. A `bigint` value is written as a raw JSON number
 * (as some copies carry ids), every other value as `JSON.stringify` writes it.
 * @see https://doc.yunxin.163.com/messaging/guide/TcxNzU4NzU
 */
export type NeteaseImCopyInput = Record<string, unknown>

/**
 * How to send: the app's credentials, the headers, and the retries of a high-guarantee copy.
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export interface NeteaseImDeliverOptions {
  appKey: string
  appSecret: string
  /** Send the `AppKey` header. Default true (some of NetEase's examples omit it). */
  sendAppKey?: boolean
  /**
   * A "high-guarantee" copy (高保障抄送, enabled by NetEase on request): re-sent after a failed attempt.
   * Default false: a normal copy is sent once, whatever the answer.
   */
  highGuarantee?: boolean
  /** Re-sends of a high-guarantee copy. Default 1000 (NetEase's "at most 1000"). */
  retries?: number
  /** Wait before each re-send. Default 1000 ms; NetEase documents no schedule (UNVERIFIED). */
  retryDelayMs?: number
  /** An attempt not answered within this is a failure, as NetEase's 5 s limit. Default 5000. */
  timeoutMs?: number
  fetch?: typeof fetch
  /** The clock (ms) for `CurTime`. */
  now?: () => number
  signal?: AbortSignal
}

/**
 * One HTTP request as NetEase would send it.
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export interface NeteaseImCopyPush {
  body: string
  headers: Record<string, string>
}

/**
 * The outcome of {@link deliverNeteaseImCopy}: `delivered` once an attempt got HTTP 200 or 500 in
 * time (NetEase counts both as delivered).
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export interface NeteaseImCopyDelivery {
  delivered: boolean
  attempts: PushAttempt[]
}

/**
 * The body as NetEase writes it: JSON, with `bigint` values as raw (unquoted) numbers.
 * @see https://doc.yunxin.163.com/messaging/guide/TcxNzU4NzU
 */
export function neteaseImCopyBody(input: NeteaseImCopyInput): string {
  const marker = `@@bigint${Math.random().toString(36).slice(2)}:`
  const text = JSON.stringify(input, (_key, value: unknown) =>
    typeof value === 'bigint' ? `${marker}${value}` : value,
  )
  return text.replace(new RegExp(`"${marker}(-?\\d+)"`, 'g'), '$1')
}

/**
 * Builds one request as NetEase does: `MD5` = md5 hex of the exact body bytes, `CurTime` = now in
 * milliseconds, `CheckSum` = sha1(AppSecret + MD5 + CurTime), plus `AppKey` and the JSON content type.
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export async function buildNeteaseImCopy(
  input: NeteaseImCopyInput | string,
  options: NeteaseImDeliverOptions,
): Promise<NeteaseImCopyPush> {
  const body = typeof input === 'string' ? input : neteaseImCopyBody(input)
  const md5 = md5Hex(body)
  const curTime = String((options.now ?? Date.now)())
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ...(options.sendAppKey === false ? {} : { AppKey: options.appKey }),
    CurTime: curTime,
    MD5: md5,
    CheckSum: await neteaseImCopyCheckSum(options.appSecret, md5, curTime),
  }
  return { body, headers }
}

/**
 * Sends a copy to `url` like NetEase: signed afresh per attempt over the same body. An attempt
 * answered 200 or 500 within `timeoutMs` is delivered. A normal copy is never re-sent; with
 * `highGuarantee` a failed attempt (any other status, a network error, a timeout) is re-sent up to
 * `retries` times, `retryDelayMs` apart.
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export async function deliverNeteaseImCopy(
  url: string,
  input: NeteaseImCopyInput | string,
  options: NeteaseImDeliverOptions,
): Promise<NeteaseImCopyDelivery> {
  return pushWithRetries(url, {
    request: () => buildNeteaseImCopy(input, options),
    accepted: (status) => status === 200 || status === 500,
    retries: options.highGuarantee ? (options.retries ?? 1000) : 0,
    waitMs: () => options.retryDelayMs ?? 1000,
    timeoutMs: options.timeoutMs ?? 5000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })
}

/**
 * `fake.deliver(url, event, options?)`: the fake sending a copy like NetEase, i.e.
 * {@link deliverNeteaseImCopy} with the fake's AppKey and AppSecret unless `options` names others.
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export type NeteaseImFakeDeliver = (
  url: string,
  input: NeteaseImCopyInput | string,
  options?: Partial<NeteaseImDeliverOptions>,
) => Promise<NeteaseImCopyDelivery>
