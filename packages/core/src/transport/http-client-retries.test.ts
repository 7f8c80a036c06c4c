// createHttpClient's retries over a real loopback server: what is never resent (a non-idempotent POST
// whose delivery is unknown), what is, within the budget, and the waits Retry-After asks for.
import { describe, expect, it } from 'vitest'
import { answer, client, json, ok, seen, send, serveLoopback, slow } from '../../test/http-client-loopback.js'
import { RateLimitError, ResponseError, TimeoutError } from '../index.js'
import { delay, htmlResponse } from '../testing/index.js'

serveLoopback()

describe('createHttpClient against a real loopback server', () => {
  it('does not resend a non-idempotent POST after a 500', async () => {
    answer(() => htmlResponse(500), ok)
    const error = await send(client()).catch((caught: unknown) => caught)
    expect(ResponseError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 500, delivery: 'unknown' })
    expect(seen).toHaveLength(1)
  })

  it('does not resend a non-idempotent POST after a transient vendor code', async () => {
    answer(() => json({ code: 500001, msg: 'internal' }), ok)
    await expect(send(client())).rejects.toMatchObject({
      name: 'VendorError',
      delivery: 'unknown',
      retryable: true,
    })
    expect(seen).toHaveLength(1)
  })

  it('does not resend a non-idempotent POST after a timeout', async () => {
    answer(slow(400))
    const error = await send(client({ timeout: 100 })).catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'unknown', timeoutMs: 100 })
    await delay(400)
    expect(seen).toHaveLength(1)
  })

  it('retries an idempotent request after 5xx and timeouts, within the budget', async () => {
    answer(() => htmlResponse(502), slow(300), ok)
    await expect(send(client({ timeout: 100 }), { idempotent: true })).resolves.toEqual({
      message_id: 'om_1',
    })
    expect(seen).toHaveLength(3)
    const bodies = new Set(seen.map((entry) => entry.body))
    expect(bodies.size).toBe(1)
  })

  it('stops at the budget and reports the last failure', async () => {
    answer(
      () => htmlResponse(503),
      () => htmlResponse(503),
      () => htmlResponse(503),
      ok,
    )
    await expect(send(client(), { idempotent: true })).rejects.toMatchObject({
      name: 'ResponseError',
      status: 503,
    })
    expect(seen).toHaveLength(3)
  })

  it('retries after 429 honouring Retry-After', async () => {
    answer(() => json({ code: 429001 }, { status: 429, headers: { 'retry-after': '1' } }), ok)
    const started = Date.now()
    await expect(send(client())).resolves.toEqual({ message_id: 'om_1' })
    expect(seen).toHaveLength(2)
    const waited = (seen[1] as (typeof seen)[0]).at - (seen[0] as (typeof seen)[0]).at
    expect(waited).toBeGreaterThanOrEqual(950)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })

  it('gives up at once when the vendor asks for a wait beyond maxRetryAfter', async () => {
    answer(() => json({ code: 429001 }, { status: 429, headers: { 'retry-after': '120' } }), ok)
    const error = await send(client({ retry: { maxRetryAfter: 1000 } })).catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ retryAfterMs: 120_000, delivery: 'not-sent' })
    expect(seen).toHaveLength(1)
  })

  it('retries a rate-limit code with backoff, and not beyond the budget', async () => {
    answer(
      () => json({ code: 429001 }),
      () => json({ code: 429001 }),
      () => json({ code: 429001 }),
      ok,
    )
    await expect(send(client())).rejects.toBeInstanceOf(RateLimitError)
    expect(seen).toHaveLength(3)
  })

  it('marks delivery unknown when an earlier attempt was ambiguous', async () => {
    answer(
      () => htmlResponse(502),
      () => json({ code: 429001 }, { status: 429, headers: { 'retry-after': '600' } }),
    )
    await expect(send(client(), { idempotent: true })).rejects.toMatchObject({
      name: 'RateLimitError',
      delivery: 'unknown',
    })
  })
})
