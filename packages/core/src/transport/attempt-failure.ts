import { MsgError, type Vendor, withDelivery } from '../errors/msg-error.js'
import { NetworkError } from '../errors/network-error.js'
import { ResponseError } from '../errors/response-error.js'
import { TimeoutError } from '../errors/timeout-error.js'
import type { AttemptFailure } from './fetch-attempt.js'
import { failedBeforeWrite } from './network-failure.js'

/** What a failure message needs: who, where, and how to keep secrets out. */
export interface FailureContext {
  vendor: Vendor
  /** `message.send POST /path` */
  where: string
  redact: (text: string) => string
  timeout: number
}

function describe(error: unknown, redact: (text: string) => string): string {
  return redact(error instanceof Error ? error.message : String(error))
}

/** Turns an attempt that got no response into the matching `MsgError`. */
export function errorForAttemptFailure(failure: AttemptFailure, context: FailureContext): MsgError {
  const { vendor, where } = context
  if (failure.kind === 'aborted') {
    // Aborted while the request was out: it may have arrived.
    return new NetworkError({
      vendor,
      message: `${where}: aborted by the caller`,
      delivery: 'unknown',
      cause: failure.cause,
    })
  }
  if (failure.kind === 'timeout') {
    return new TimeoutError({
      vendor,
      message: `${where}: no response within ${context.timeout} ms`,
      timeoutMs: context.timeout,
      cause: failure.cause,
    })
  }
  const before = failedBeforeWrite(failure.cause)
  return new NetworkError({
    vendor,
    message: `${where}: ${before ? 'connection failed before sending' : 'connection failed'} (${describe(failure.cause, context.redact)})`,
    delivery: before ? 'not-sent' : 'unknown',
    cause: failure.cause,
  })
}

/** A reader that threw something other than a `MsgError` (a bug or a surprise): delivery unknown. */
export function errorForUnreadableResponse(
  error: unknown,
  status: number,
  context: FailureContext,
): MsgError {
  if (MsgError.isInstance(error)) return error
  return new ResponseError({
    vendor: context.vendor,
    message: `${context.where}: could not read the response (${describe(error, context.redact)})`,
    status,
    delivery: 'unknown',
    cause: error,
  })
}

/**
 * A failure before any byte left: credentials that could not be had (a token endpoint that is down, a
 * token function that threw, a store error) or a request that could not be built. Nothing was sent, so
 * the call's `delivery` is `not-sent` whatever the inner request's own was.
 */
export function errorBeforeSending(error: unknown, context: FailureContext): MsgError {
  if (MsgError.isInstance(error)) return withDelivery(error, 'not-sent')
  return new MsgError({
    vendor: context.vendor,
    message: `${context.where}: nothing was sent: ${describe(error, context.redact)}`,
    delivery: 'not-sent',
    cause: error,
  })
}

/** The caller aborted while no request was out (before the first attempt or during a wait). */
export function abortedBeforeSending(context: FailureContext, cause: unknown): MsgError {
  return new NetworkError({
    vendor: context.vendor,
    message: `${context.where}: aborted by the caller`,
    cause,
  })
}
