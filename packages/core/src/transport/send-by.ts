import type { MsgError } from '../errors/msg-error.js'
import { TimeoutError } from '../errors/timeout-error.js'
import { ValidationError } from '../errors/validation-error.js'
import type { FailureContext } from './attempt-failure.js'

/**
 * A `ValidationError` for a `sendBy` that is not a finite number of epoch ms (it would silently turn
 * the check off), else undefined.
 * @see @msg/core README.md#call-options
 */
export function invalidSendBy(sendBy: number | undefined, context: FailureContext): MsgError | undefined {
  if (sendBy === undefined || Number.isFinite(sendBy)) return undefined
  const rule = 'must be a finite number (epoch ms)'
  return new ValidationError({
    vendor: context.vendor,
    message: `${context.where}: options.sendBy ${rule}, nothing was sent`,
    issues: [{ path: 'options.sendBy', message: rule }],
  })
}

/**
 * The call's `sendBy` passed before its request could leave: nothing was sent.
 * @see @msg/core README.md#call-options
 */
export function missedSendBy(context: FailureContext, sendBy: number, now: number): MsgError {
  return new TimeoutError({
    vendor: context.vendor,
    message: `${context.where}: not sent, ${now - sendBy} ms past its send-by time`,
    sendBy,
  })
}
