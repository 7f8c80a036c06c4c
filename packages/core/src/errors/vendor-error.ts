import { hasErrorKind, MsgError, type MsgErrorOptions, tagErrorKind } from './msg-error.js'

/** Options for {@link VendorError} and its subclasses. */
export interface VendorErrorOptions extends MsgErrorOptions {
  /** The vendor's own failure code (`code`, `ret`, `errorCode`), kept raw. */
  code: number | string | undefined
  /** HTTP status of the response that carried the failure. */
  status: number
  requestId?: string | undefined
  /** Whether trying again later may succeed (rate limits, transient server faults). */
  retryable: boolean
  /** The vendor's own message, with secrets redacted. */
  vendorMessage?: string | undefined
  /** Structured failure details the vendor sent (e.g. GeWe's `data.code`/`data.msg`), secrets redacted. */
  details?: Record<string, unknown> | undefined
}

/**
 * The vendor answered and said no: its body carried a failure code.
 * @see @msg/core README.md#errors
 */
export class VendorError extends MsgError {
  readonly code: number | string | undefined
  readonly status: number
  readonly requestId: string | undefined
  readonly retryable: boolean
  readonly vendorMessage: string | undefined
  readonly details: Record<string, unknown> | undefined

  constructor(options: VendorErrorOptions) {
    super(options)
    this.code = options.code
    this.status = options.status
    this.requestId = options.requestId
    this.retryable = options.retryable
    this.vendorMessage = options.vendorMessage
    this.details = options.details
    tagErrorKind(this, 'VendorError')
  }

  static override isInstance(value: unknown): value is VendorError {
    return hasErrorKind(value, 'VendorError')
  }
}
