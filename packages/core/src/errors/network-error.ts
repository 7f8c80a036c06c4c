import { hasErrorKind, MsgError, type MsgErrorOptions, tagErrorKind } from './msg-error.js'

/**
 * No response arrived: the connection failed, was reset, or the call was aborted.
 * `delivery` is `not-sent` only when the connection provably failed before the request was written.
 * @see @msg/core README.md#errors
 */
export class NetworkError extends MsgError {
  constructor(options: MsgErrorOptions) {
    super(options)
    tagErrorKind(this, 'NetworkError')
  }

  static override isInstance(value: unknown): value is NetworkError {
    return hasErrorKind(value, 'NetworkError')
  }
}
