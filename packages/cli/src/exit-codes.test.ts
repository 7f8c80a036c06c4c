import {
  AuthError,
  FallbackError,
  MsgError,
  NetworkError,
  RateLimitError,
  ResponseError,
  TimeoutError,
  ValidationError,
  VendorError,
} from '@msg/core'
import { describe, expect, it } from 'vitest'
import { exitCodeFor, exitCodes } from './exit-codes.js'
import { UsageError } from './usage-error.js'

const vendor = 'feishu' as const
const refusal = { vendor, message: 'no', code: 99991663, status: 200, retryable: false }

describe('exitCodeFor', () => {
  it.each([
    ['UsageError', new UsageError('bad flag'), exitCodes.badInput],
    ['ValidationError', new ValidationError({ vendor, message: 'bad', issues: [] }), exitCodes.badInput],
    ['VendorError', new VendorError(refusal), exitCodes.refused],
    ['AuthError', new AuthError(refusal), exitCodes.refused],
    ['RateLimitError', new RateLimitError(refusal), exitCodes.refused],
    ['NetworkError', new NetworkError({ vendor, message: 'reset' }), exitCodes.deliveryUnknown],
    ['TimeoutError', new TimeoutError({ vendor, message: 'slow' }), exitCodes.deliveryUnknown],
    ['ResponseError', new ResponseError({ vendor, message: 'html', status: 502 }), exitCodes.deliveryUnknown],
    ['a plain Error', new Error('bug'), exitCodes.internal],
  ])('maps %s to %i', (_name, error, code) => {
    expect(exitCodeFor(error)).toBe(code)
  })

  it('maps other @msg errors by their delivery', () => {
    const unknown = new FallbackError([{ vendor, error: new TimeoutError({ vendor, message: 'slow' }) }])
    expect(exitCodeFor(unknown)).toBe(exitCodes.deliveryUnknown)
    expect(exitCodeFor(new MsgError({ vendor, message: 'x', delivery: 'not-sent' }))).toBe(exitCodes.refused)
  })

  it('keeps the documented numbers', () => {
    expect(exitCodes).toEqual({ sent: 0, internal: 1, badInput: 2, refused: 3, deliveryUnknown: 4 })
  })
})
