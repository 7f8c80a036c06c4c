import { MsgError, NetworkError, ResponseError, ValidationError, VendorError } from '@msg/core'
import { UsageError } from './usage-error.js'

/** The exit codes of `msg`, as documented in `msg --help`. */
export const exitCodes = {
  /** The vendor accepted the message. */
  sent: 0,
  /** A bug in msg itself (an error outside the @msg family). */
  internal: 1,
  /** Bad input (usage or `ValidationError`): nothing left the machine. */
  badInput: 2,
  /** The vendor refused (`VendorError`, `AuthError`, `RateLimitError`): not delivered. */
  refused: 3,
  /** Delivery unknown (`NetworkError`, `TimeoutError`, `ResponseError`): do not blindly resend. */
  deliveryUnknown: 4,
} as const

/** One of the {@link exitCodes}. */
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]

/**
 * The exit code for a failure. Subclasses come first where it matters: `AuthError` and
 * `RateLimitError` are `VendorError`s, `TimeoutError` is a `NetworkError`.
 */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError || ValidationError.isInstance(error)) return exitCodes.badInput
  if (VendorError.isInstance(error)) return exitCodes.refused
  if (NetworkError.isInstance(error) || ResponseError.isInstance(error)) return exitCodes.deliveryUnknown
  if (MsgError.isInstance(error))
    return error.delivery === 'unknown' ? exitCodes.deliveryUnknown : exitCodes.refused
  return exitCodes.internal
}

/** A short human description of an exit code, for the error line. */
export function describeExitCode(code: ExitCode): string {
  switch (code) {
    case exitCodes.sent:
      return 'sent'
    case exitCodes.badInput:
      return 'bad input, nothing was sent'
    case exitCodes.refused:
      return 'refused by the vendor, not delivered'
    case exitCodes.deliveryUnknown:
      return 'delivery unknown, check before resending'
    default:
      return 'internal error'
  }
}
