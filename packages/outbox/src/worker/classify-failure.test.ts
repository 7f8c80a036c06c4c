import { NetworkError, RateLimitError, TimeoutError, ValidationError, VendorError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { classifyFailure } from './classify-failure.js'

const refusal = (retryable: boolean) =>
  new VendorError({ vendor: 'feishu', message: 'no', code: 230002, status: 400, retryable })

describe('classifyFailure', () => {
  it('sends bad input and permanent refusals to the dead letters with the reason', () => {
    const invalid = new ValidationError({
      vendor: 'gewe',
      message: 'bad',
      issues: [{ path: 'text', message: 'empty' }],
    })
    expect(classifyFailure(invalid)).toMatchObject({ action: 'dead' })
    expect(classifyFailure(refusal(false))).toMatchObject({
      action: 'dead',
      reason: expect.stringContaining('code 230002'),
    })
  })

  it('backs off on a rate limit for the vendor-named time, else the default', () => {
    const named = new RateLimitError({
      vendor: 'feishu',
      message: 'slow',
      code: 99991400,
      status: 429,
      retryAfterMs: 2500,
    })
    const unnamed = new RateLimitError({ vendor: 'fxiaoke', message: 'slow', code: 30004, status: 200 })
    expect(classifyFailure(named)).toMatchObject({ action: 'rate-limited', delayMs: 2500 })
    expect(classifyFailure(unnamed, 700)).toMatchObject({ action: 'rate-limited', delayMs: 700 })
  })

  it('retries what provably was not sent, and calls everything else unknown', () => {
    expect(classifyFailure(refusal(true))).toMatchObject({ action: 'retry' })
    expect(
      classifyFailure(new NetworkError({ vendor: 'gewe', message: 'refused', delivery: 'not-sent' })),
    ).toMatchObject({
      action: 'retry',
    })
    expect(classifyFailure(new TimeoutError({ vendor: 'gewe', message: 'slow' }))).toMatchObject({
      action: 'unknown',
    })
    expect(classifyFailure(new Error('a bug in a custom sender'))).toMatchObject({ action: 'unknown' })
  })
})
