import { type PushAttempt, pushWithRetries, randomHex, randomUuid } from '@msg/core'
import { encryptFeishu } from '../webhook/feishu-cipher.js'
import { feishuLegacyCardSignature, feishuSignature } from '../webhook/feishu-signature.js'

/**
 * What to push: a schema 2.0 event (the header is built for you, with the verification token), or a
 * `payload` sent exactly as given (schema 1.0, `url_verification`, the legacy card callback).
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export type FeishuPushInput =
  | {
      event_type: string
      event: Record<string, unknown>
      /** Default: a fresh random id. Reused on every retry, as Feishu does. */
      event_id?: string
      /** Milliseconds, as a string. Default: now. */
      create_time?: string
      app_id?: string
      tenant_key?: string
    }
  | { payload: Record<string, unknown> }

/**
 * How to push: the app's secrets, whether to encrypt and sign, and Feishu's retry ladder.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 */
export interface FeishuDeliverOptions {
  verificationToken: string
  encryptKey?: string
  /** Send `{ encrypt }`. Default: when `encryptKey` is set. */
  encrypt?: boolean
  /** `X-Lark-Signature`: `true` (sha256 with the Encrypt Key; default when it is set), `legacy-card` (sha1 with the token), `false`. */
  sign?: boolean | 'legacy-card'
  /** Re-pushes after a failed attempt. Default 4; card callbacks are never re-pushed. */
  retries?: number
  /** Waits before each re-push. Default Feishu's 15 s, 5 min, 1 h, 6 h. */
  retryDelaysMs?: readonly number[]
  /** Multiplies every wait, e.g. `0.001` in tests. Default 1. */
  timeScale?: number
  /** An attempt not answered within this is a failure, as Feishu's 3 s limit. Default 3000. */
  timeoutMs?: number
  fetch?: typeof fetch
  /** The clock (ms) for `X-Lark-Request-Timestamp` and `create_time`. */
  now?: () => number
  signal?: AbortSignal
}

/**
 * One HTTP request as Feishu would send it.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 */
export interface FeishuPush {
  body: string
  headers: Record<string, string>
  /** The plaintext payload before encryption. */
  payload: Record<string, unknown>
}

/**
 * The outcome of {@link deliverFeishuEvent}: `delivered` once an attempt got HTTP 200.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export interface FeishuDelivery {
  delivered: boolean
  attempts: PushAttempt[]
  payload: Record<string, unknown>
}

/**
 * Feishu's re-push schedule after a push that got no HTTP 200 within 3 s: 15 s, 5 min, 1 h, 6 h
 * (at most 4 re-pushes, about 7.1 h in all), as the event-subscription page states it. Older versions
 * of that page gave other intervals; the waits are a setting for that reason.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export const feishuRetryDelaysMs: readonly number[] = [15_000, 300_000, 3_600_000, 21_600_000]

function payloadOf(input: FeishuPushInput, token: string, now: number): Record<string, unknown> {
  if ('payload' in input) return input.payload
  const header = {
    event_id: input.event_id ?? randomHex(16),
    token,
    create_time: input.create_time ?? String(now),
    event_type: input.event_type,
    tenant_key: input.tenant_key ?? 'fake_tenant',
    app_id: input.app_id ?? 'cli_fake_app',
  }
  return { schema: '2.0', header, event: input.event }
}

/**
 * Builds one push as Feishu does: the payload (a schema 2.0 event gets its header and a fresh
 * `event_id`), encrypted into `{ encrypt }` when asked, then signed over the exact body bytes with a
 * fresh timestamp (Unix seconds) and nonce.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 */
export async function buildFeishuPush(
  input: FeishuPushInput,
  options: FeishuDeliverOptions,
): Promise<FeishuPush> {
  const { encryptKey } = options
  const payload = payloadOf(input, options.verificationToken, (options.now ?? Date.now)())
  const encrypt = options.encrypt ?? encryptKey !== undefined
  const sign = options.sign ?? encryptKey !== undefined
  if ((encrypt || sign === true) && encryptKey === undefined) {
    throw new Error('buildFeishuPush: encrypt and sign need an encryptKey')
  }
  const plain = JSON.stringify(payload)
  const body = encrypt ? JSON.stringify({ encrypt: await encryptFeishu(encryptKey as string, plain) }) : plain
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }
  if (sign !== false) {
    const timestamp = String(Math.floor((options.now ?? Date.now)() / 1000))
    const nonce = randomUuid()
    const bytes = new TextEncoder().encode(body)
    headers['x-lark-request-timestamp'] = timestamp
    headers['x-lark-request-nonce'] = nonce
    headers['x-lark-signature'] =
      sign === 'legacy-card'
        ? await feishuLegacyCardSignature(timestamp, nonce, options.verificationToken, bytes)
        : await feishuSignature(timestamp, nonce, encryptKey as string, bytes)
  }
  return { body, headers, payload }
}

function isCallback(payload: Record<string, unknown>): boolean {
  const header = payload.header as { event_type?: unknown } | undefined
  return header?.event_type === 'card.action.trigger' || typeof payload.open_message_id === 'string'
}

/**
 * Pushes an event to `url` like Feishu: schema 2.0 with the verification token, encrypted and signed
 * when an Encrypt Key is given (a fresh signature per attempt, the same `event_id`), and re-pushed
 * after any answer but HTTP 200 within `timeoutMs` on the 15 s / 5 min / 1 h / 6 h ladder
 * (`timeScale` shrinks it for tests). Card callbacks are sent once: Feishu never re-pushes them.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export async function deliverFeishuEvent(
  url: string,
  input: FeishuPushInput,
  options: FeishuDeliverOptions,
): Promise<FeishuDelivery> {
  const now = options.now ?? Date.now
  const payload = payloadOf(input, options.verificationToken, now())
  const delays = options.retryDelaysMs ?? feishuRetryDelaysMs
  const delivery = await pushWithRetries(url, {
    request: () => buildFeishuPush({ payload }, options),
    accepted: (status) => status === 200,
    retries: isCallback(payload) ? 0 : (options.retries ?? delays.length),
    waitMs: (retry) => (delays[Math.min(retry - 1, delays.length - 1)] ?? 0) * (options.timeScale ?? 1),
    timeoutMs: options.timeoutMs ?? 3000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  return { ...delivery, payload }
}

/**
 * `fake.deliver(url, event, options)`: the fake pushing an event like Feishu, i.e.
 * {@link deliverFeishuEvent}.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export type FeishuFakeDeliver = typeof deliverFeishuEvent
