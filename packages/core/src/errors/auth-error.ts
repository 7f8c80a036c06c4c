import { hasErrorKind, tagErrorKind } from './msg-error.js'
import { VendorError, type VendorErrorOptions } from './vendor-error.js'

/** Options for {@link AuthError}. */
export interface AuthErrorOptions extends Omit<VendorErrorOptions, 'retryable'> {
  /**
   * True when the vendor rejected the access token itself (expired, revoked), so a fresh
   * token may succeed. Clients refresh once on such an error before surfacing it.
   */
  tokenRejected?: boolean
}

/**
 * Credentials or token rejected by the vendor (after one refresh where the vendor has tokens).
 * @see @msg/core README.md#errors
 */
export class AuthError extends VendorError {
  readonly tokenRejected: boolean

  constructor(options: AuthErrorOptions) {
    super({ ...options, retryable: false })
    this.tokenRejected = options.tokenRejected ?? false
    tagErrorKind(this, 'AuthError')
  }

  static override isInstance(value: unknown): value is AuthError {
    return hasErrorKind(value, 'AuthError')
  }
}
