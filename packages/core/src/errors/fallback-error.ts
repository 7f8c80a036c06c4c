import { hasErrorKind, MsgError, tagErrorKind, type Vendor } from './msg-error.js'

/** One channel tried by `withFallback`, and how it failed. */
export interface FallbackAttempt {
  vendor: Vendor
  error: unknown
}

/**
 * Every channel of a `withFallback` chain failed, or one failed with `delivery: 'unknown'`
 * (trying the next could send the message twice). `attempts` lists each channel tried, in order.
 * @see @msg/core README.md#channels
 */
export class FallbackError extends MsgError {
  readonly attempts: FallbackAttempt[]

  constructor(attempts: FallbackAttempt[]) {
    const last = attempts.at(-1)?.error
    const summary = attempts
      .map(({ vendor, error }) => `${vendor}: ${error instanceof Error ? error.message : String(error)}`)
      .join('; ')
    super({
      vendor: 'core',
      message: `withFallback: ${attempts.length} channel(s) tried, none sent: ${summary}`,
      delivery: MsgError.isInstance(last) ? last.delivery : 'unknown',
      cause: last,
    })
    this.attempts = attempts
    tagErrorKind(this, 'FallbackError')
  }

  static override isInstance(value: unknown): value is FallbackError {
    return hasErrorKind(value, 'FallbackError')
  }
}
