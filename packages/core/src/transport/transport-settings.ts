import type { Vendor } from '../errors/msg-error.js'

/** The retry budget for provably safe cases, and how long to wait between attempts. */
export interface RetrySettings {
  /** Retries after the first attempt, only in the safe cases. Default 2. */
  limit?: number
  /** Longest wait a vendor may ask for (Retry-After, reset headers) before we give up instead. Default 60 000 ms. */
  maxRetryAfter?: number
  /** Ceiling of one exponential-backoff wait (with full jitter). Default 10 000 ms. */
  backoffLimit?: number
}

/** What every hook event carries. Secrets in `url`, `headers` and `body` are already `[redacted]`. */
export interface TransportEvent {
  vendor: Vendor
  /** The client method, e.g. `message.send`. */
  operation: string
  method: string
  url: string
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: number
}

/** Fired before each attempt leaves. */
export interface RequestEvent extends TransportEvent {
  headers: Record<string, string>
  body: unknown
}

/** Fired when an attempt got a response (whatever its status or code). */
export interface ResponseEvent extends TransportEvent {
  status: number
  headers: Record<string, string>
  body: unknown
  durationMs: number
}

/** Fired once when a call fails for good. */
export interface ErrorEvent extends TransportEvent {
  error: Error
}

/** Observers of the transport. They cannot change a request; what they see is redacted. */
export interface TransportHooks {
  request?: (event: RequestEvent) => void
  response?: (event: ResponseEvent) => void
  error?: (event: ErrorEvent) => void
  /** Degraded but working (e.g. the shared token store is unreachable). Default: `console.warn`. */
  warning?: (event: { vendor: Vendor; message: string }) => void
}

/**
 * Transport settings shared by every `create*` factory.
 * @see @msg/core README.md#transport-settings
 */
export interface TransportSettings {
  /** Replaces the vendor's default base URL (a proxy, a private deployment, a local fake). */
  baseURL?: string
  /** Replaces `globalThis.fetch`; read at call time, never captured at import. */
  fetch?: typeof globalThis.fetch
  /** Milliseconds per attempt. Default 10 000. */
  timeout?: number
  /** Retry budget for the safe cases (a number is the limit). Default 2. */
  retry?: number | RetrySettings
  /** Extra headers on every request. */
  headers?: Record<string, string>
  hooks?: TransportHooks
}

/**
 * Per-call options accepted by every endpoint method and `sendText`.
 * @see @msg/core README.md#call-options
 */
export interface CallOptions {
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal
  /** Milliseconds per attempt for this call. */
  timeout?: number
  /** Extra headers for this call. */
  headers?: Record<string, string>
  /**
   * The de-duplication key for vendors that honour one (Feishu `uuid`, NetEase
   * `message_client_id`). Reuse it to make a resend after a crash safe. Vendors without
   * such a key (GeWe, Fxiaoke) ignore it and never resend after an ambiguous failure.
   */
  idempotencyKey?: string
  /**
   * The latest time (epoch ms, this machine's clock) at which a request of this call may leave.
   * Checked right before each `fetch`, after credentials: a request that would leave later is not
   * sent, and the call fails with a `TimeoutError` whose `sendBy` is set (`delivery` `not-sent`,
   * unless an earlier attempt may have arrived). A retry that could not start by then is not made:
   * the call fails with the last attempt's error. For schedulers that hand out send slots, such as
   * `@msg/outbox`'s rate lanes, where a send that missed its slot must not go out late.
   */
  sendBy?: number
}
