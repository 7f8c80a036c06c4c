import { hasErrorKind, type MsgErrorOptions, tagErrorKind } from './msg-error.js'
import { NetworkError } from './network-error.js'

/** Options for {@link TimeoutError}. */
export interface TimeoutErrorOptions extends MsgErrorOptions {
  /** The per-attempt timeout that ran out. */
  timeoutMs?: number | undefined
}

/**
 * No response within the per-attempt `timeout`. The request was sent, so `delivery` is `unknown`.
 * @see @msg/core README.md#errors
 */
export class TimeoutError extends NetworkError {
  readonly timeoutMs: number | undefined

  constructor(options: TimeoutErrorOptions) {
    super({ delivery: 'unknown', ...options })
    this.timeoutMs = options.timeoutMs
    tagErrorKind(this, 'TimeoutError')
  }

  static override isInstance(value: unknown): value is TimeoutError {
    return hasErrorKind(value, 'TimeoutError')
  }
}
