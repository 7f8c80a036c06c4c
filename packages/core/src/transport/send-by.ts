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
  return new ValidationError({
    vendor: context.vendor,
    message: `${context.where}: options.sendBy must be a finite number of epoch ms, nothing was sent`,
    issues: [{ path: 'options.sendBy', message: 'must be a finite number (epoch ms)' }],
  })
}

/**
 * The call's `sendBy` passed before its request could leave: nothing was sent.
 * @see @msg/core README.md#call-options
 */
export function missedSendBy(context: FailureContext, sendBy: number, now: number): MsgError {
  return new TimeoutError({
    vendor: context.vendor,
    message: `${context.where}: not sent: the request could not leave by its send-by time (${now - sendBy} ms late)`,
    sendBy,
  })
}
