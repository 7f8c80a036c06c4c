import { MsgError, RateLimitError, ValidationError, VendorError } from '@msg/core'

/**
 * What a failed attempt means for the message:
 * - `rate-limited`: the vendor said "too fast"; wait (its `retryAfterMs` when given) without
 *   spending an attempt, and hold the lanes back meanwhile;
 * - `retry`: provably not delivered and may succeed later; retry with backoff;
 * - `unknown`: may have been delivered; resend only under the vendor's de-duplication window;
 * - `dead`: refused for good (bad input, a permanent vendor code); never retried.
 * @see ../../README.md#errors-and-retries
 */
export type FailureAction =
  | { action: 'rate-limited'; delayMs: number; reason: string }
  | { action: 'retry'; reason: string }
  | { action: 'unknown'; reason: string }
  | { action: 'dead'; reason: string }

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = VendorError.isInstance(error) && error.code !== undefined ? ` (code ${error.code})` : ''
    return `${error.name}${code}: ${error.message}`.slice(0, 500)
  }
  return String(error).slice(0, 500)
}

/**
 * Maps an error thrown by a sender to a {@link FailureAction}, from the `@msg/core` error family:
 * `ValidationError` and non-retryable refusals are dead, `RateLimitError` backs off, `delivery:
 * 'not-sent'` retries, `delivery: 'unknown'` and anything outside the family count as unknown.
 * @see ../../README.md#errors-and-retries
 */
export function classifyFailure(error: unknown, defaultRateLimitMs = 1000): FailureAction {
  const reason = describe(error)
  if (ValidationError.isInstance(error)) return { action: 'dead', reason }
  if (RateLimitError.isInstance(error))
    return { action: 'rate-limited', delayMs: error.retryAfterMs ?? defaultRateLimitMs, reason }
  if (!MsgError.isInstance(error)) return { action: 'unknown', reason }
  if (error.delivery === 'unknown') return { action: 'unknown', reason }
  if (VendorError.isInstance(error) && !error.retryable) return { action: 'dead', reason }
  return { action: 'retry', reason }
}
