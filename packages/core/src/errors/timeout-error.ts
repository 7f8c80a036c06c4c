import { hasErrorKind, type MsgErrorOptions, tagErrorKind } from './msg-error.js'
import { NetworkError } from './network-error.js'

/** Options for {@link TimeoutError}. */
export interface TimeoutErrorOptions extends MsgErrorOptions {
  /** The per-attempt timeout that ran out. */
  timeoutMs?: number | undefined
  /** The call's `sendBy` when that time passed before the request left (nothing was sent). */
  sendBy?: number | undefined
}

/**
 * No response within the per-attempt `timeout`: the request was sent, so `delivery` is `unknown`.
 * Or, with `sendBy` set, the call's send-by time passed before its request left: `not-sent`.
 * @see @msg/core README.md#errors
 */
export class TimeoutError extends NetworkError {
  readonly timeoutMs: number | undefined
  /** Set when the call's `sendBy` passed before its request left. */
  readonly sendBy: number | undefined

  constructor(options: TimeoutErrorOptions) {
    super({ delivery: options.sendBy === undefined ? 'unknown' : 'not-sent', ...options })
    this.timeoutMs = options.timeoutMs
    this.sendBy = options.sendBy
    tagErrorKind(this, 'TimeoutError')
  }

  static override isInstance(value: unknown): value is TimeoutError {
    return hasErrorKind(value, 'TimeoutError')
  }
}
