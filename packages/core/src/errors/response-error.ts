import { hasErrorKind, MsgError, type MsgErrorOptions, tagErrorKind } from './msg-error.js'

/** Options for {@link ResponseError}. */
export interface ResponseErrorOptions extends MsgErrorOptions {
  status: number
}

/**
 * A response that is not the vendor's documented shape: an HTML gateway page, broken JSON,
 * or a body that fails the response schema.
 * @see @msg/core README.md#errors
 */
export class ResponseError extends MsgError {
  readonly status: number

  constructor(options: ResponseErrorOptions) {
    super(options)
    this.status = options.status
    tagErrorKind(this, 'ResponseError')
  }

  static override isInstance(value: unknown): value is ResponseError {
    return hasErrorKind(value, 'ResponseError')
  }
}
