import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { readTestEnvelope } from '../../test/test-envelope.js'
import { AuthError, createEnvelopeReader, RateLimitError, ResponseError, VendorError } from '../index.js'
import type { HttpResponse, RequestContext } from '../transport/http-response.js'

const context: RequestContext = {
  vendor: 'feishu',
  operation: 'message.send',
  method: 'POST',
  path: '/send',
  redact: (text) => text.replaceAll('sekret', '[redacted]'),
}

function response(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  let parsed: unknown
  let malformed = false
  try {
    parsed = JSON.parse(text)
  } catch {
    malformed = true
  }
  return { status, headers: new Headers(headers), text, body: parsed, malformed }
}

const read = (r: HttpResponse) => readTestEnvelope(r, context, v.object({ message_id: v.string() }))

const failure = (r: HttpResponse) => {
  try {
    read(r)
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe('createEnvelopeReader', () => {
  it('returns validated data on the success code, whatever the status', () => {
    expect(read(response(200, { code: 0, data: { message_id: 'om_1' } }))).toEqual({ message_id: 'om_1' })
  })

  it('fails on the vendor code even with HTTP 200', () => {
    const error = failure(
      response(200, { code: 400001, msg: 'bot not in chat' }, { 'x-request-id': 'req-1' }),
    )
    expect(VendorError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({
      code: 400001,
      status: 200,
      retryable: false,
      delivery: 'not-sent',
      requestId: 'req-1',
    })
    expect((error as Error).message).toBe(
      '[@msg/feishu] message.send POST /send: vendor code 400001 (bot not in chat)',
    )
  })

  it('maps each class to its error', () => {
    expect(failure(response(400, { code: 401001 }))).toMatchObject({ name: 'AuthError', tokenRejected: true })
    expect(failure(response(200, { code: 401002 }))).toMatchObject({
      name: 'AuthError',
      tokenRejected: false,
    })
    const limited = failure(response(429, { code: 429001 }, { 'retry-after': '2' }))
    expect(RateLimitError.isInstance(limited)).toBe(true)
    expect(limited).toMatchObject({ retryAfterMs: 2000, delivery: 'not-sent', retryable: true })
    expect(failure(response(500, { code: 500001 }))).toMatchObject({
      name: 'VendorError',
      delivery: 'unknown',
      retryable: true,
    })
    expect(failure(response(200, { code: 777 }))).toMatchObject({
      name: 'VendorError',
      code: 777,
      retryable: false,
    })
    expect(AuthError.isInstance(failure(response(200, { code: 401002 })))).toBe(true)
  })

  it('redacts secrets from the vendor message', () => {
    const error = failure(response(200, { code: 401002, msg: 'token sekret expired' })) as VendorError
    expect(error.vendorMessage).toBe('token [redacted] expired')
    expect(error.message).not.toContain('sekret')
  })

  it('keeps structured details, redacted', () => {
    const detailed = createEnvelopeReader({
      schema: v.looseObject({ code: v.number(), data: v.optional(v.unknown()) }),
      succeeded: (envelope) => envelope.code === 0,
      code: (envelope) => envelope.code,
      message: () => undefined,
      classify: () => 'permanent',
      details: (envelope) => ({ data: envelope.data }),
    })
    const error = (() => {
      try {
        detailed(
          response(200, { code: 9, data: { code: '-1', msg: 'token sekret offline', token: 'abc' } }),
          context,
          v.unknown(),
        )
      } catch (caught) {
        return caught as VendorError
      }
    })()
    expect(error?.details).toEqual({
      data: { code: '-1', msg: 'token [redacted] offline', token: '[redacted]' },
    })
  })

  it('turns HTML, broken JSON and wrong shapes into ResponseError', () => {
    const html = failure(response(502, '<html>Bad Gateway</html>'))
    expect(ResponseError.isInstance(html)).toBe(true)
    expect(html).toMatchObject({ status: 502, delivery: 'unknown' })
    expect((html as Error).message).toContain('not JSON')
    expect(failure(response(404, '<html>no</html>'))).toMatchObject({ delivery: 'not-sent' })
    expect(failure(response(200, '{"code":0,'))).toMatchObject({ name: 'ResponseError', delivery: 'unknown' })
    expect(failure(response(200, { ok: true }))).toMatchObject({ name: 'ResponseError' })
    const wrongData = failure(response(200, { code: 0, data: { message_id: 5 } }))
    expect(wrongData).toMatchObject({ name: 'ResponseError', delivery: 'unknown' })
    expect((wrongData as Error).message).toContain('message_id')
  })

  it('treats HTTP 429 without an envelope as a rate limit', () => {
    const error = failure(response(429, '<html>slow down</html>', { 'retry-after': '1' }))
    expect(error).toMatchObject({ name: 'RateLimitError', retryAfterMs: 1000 })
  })
})
