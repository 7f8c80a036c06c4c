import { hasErrorKind, tagErrorKind } from './msg-error.js'
import { VendorError, type VendorErrorOptions } from './vendor-error.js'

/** Options for {@link RateLimitError}. */
export interface RateLimitErrorOptions extends Omit<VendorErrorOptions, 'retryable'> {
  /** How long the vendor asked us to wait, when it said. */
  retryAfterMs?: number | undefined
}

/**
 * The vendor refused the call for rate or frequency reasons; it did not process it.
 * @see @msg/core README.md#errors
 */
export class RateLimitError extends VendorError {
  readonly retryAfterMs: number | undefined

  constructor(options: RateLimitErrorOptions) {
    super({ ...options, retryable: true, delivery: 'not-sent' })
    this.retryAfterMs = options.retryAfterMs
    tagErrorKind(this, 'RateLimitError')
  }

  static override isInstance(value: unknown): value is RateLimitError {
    return hasErrorKind(value, 'RateLimitError')
  }
}
