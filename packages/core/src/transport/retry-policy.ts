import type { MsgError } from '../errors/msg-error.js'
import { NetworkError } from '../errors/network-error.js'
import { RateLimitError } from '../errors/rate-limit-error.js'
import { ResponseError } from '../errors/response-error.js'
import { TimeoutError } from '../errors/timeout-error.js'
import { VendorError } from '../errors/vendor-error.js'
import type { RetrySettings } from './transport-settings.js'

/** Retry settings with every default filled in. */
export interface ResolvedRetry {
  limit: number
  maxRetryAfter: number
  backoffLimit: number
}

/** Fills in the defaults: 2 retries, waits of at most 60 s from the vendor, backoff capped at 10 s. */
export function resolveRetry(retry: number | RetrySettings | undefined): ResolvedRetry {
  const settings = typeof retry === 'number' ? { limit: retry } : (retry ?? {})
  return {
    limit: settings.limit ?? 2,
    maxRetryAfter: settings.maxRetryAfter ?? 60_000,
    backoffLimit: settings.backoffLimit ?? 10_000,
  }
}

/** Exponential backoff (300 ms, 600 ms, …) with full jitter, capped at `backoffLimit`. */
function backoffDelay(retry: ResolvedRetry, retryNumber: number): number {
  return Math.random() * Math.min(retry.backoffLimit, 300 * 2 ** (retryNumber - 1))
}

/**
 * How long to wait before retrying after this failure, or `undefined` for "do not retry".
 * Only cases that cannot send the message twice qualify: rate limits (the vendor did not process
 * the call), connections refused before anything was written, and — only when a key the vendor
 * de-duplicates on covers the request — timeouts, resets, 5xx and transient vendor codes.
 */
export function retryWait(
  error: MsgError,
  idempotent: boolean,
  retry: ResolvedRetry,
  retryNumber: number,
): number | undefined {
  if (RateLimitError.isInstance(error)) {
    if (error.retryAfterMs === undefined) return backoffDelay(retry, retryNumber)
    return error.retryAfterMs <= retry.maxRetryAfter ? error.retryAfterMs : undefined
  }
  if (NetworkError.isInstance(error) && !TimeoutError.isInstance(error) && error.delivery === 'not-sent') {
    return backoffDelay(retry, retryNumber)
  }
  if (!idempotent || error.delivery !== 'unknown') return undefined
  // Checked through `unknown`: the classes are structurally alike, which would confuse narrowing.
  const value: unknown = error
  const transient =
    NetworkError.isInstance(value) ||
    (VendorError.isInstance(value) && value.retryable) ||
    (ResponseError.isInstance(value) && (value.status >= 500 || value.status === 408))
  return transient ? backoffDelay(retry, retryNumber) : undefined
}
