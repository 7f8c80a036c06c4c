import { AuthError, type HttpResponse, RateLimitError, type RequestContext, VendorError } from '@msg/core'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { feishuRequestId, readData, readTokenEnvelope } from './feishu-envelope.js'

const context: RequestContext = {
  vendor: 'feishu',
  operation: 'test',
  method: 'POST',
  path: '/p',
  redact: (text) => text,
}

function reply(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: new Headers(headers), text: JSON.stringify(body), body, malformed: false }
}

const read = readData(v.object({ message_id: v.string() }))
const fail = (response: HttpResponse, reader: (r: HttpResponse) => unknown = (r) => read(r, context)) => {
  try {
    reader(response)
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe('feishu envelope', () => {
  it('returns data and the request id on code 0', () => {
    expect(
      read(reply({ code: 0, msg: 'ok', data: { message_id: 'om_1' } }, 200, { 'x-tt-logid': 'L1' }), context),
    ).toEqual({
      data: { message_id: 'om_1' },
      requestId: 'L1',
    })
  })

  it('takes the request id from X-Tt-Logid, else X-Request-Id, else error.log_id', () => {
    const body = { code: 1, error: { log_id: 'BODY' } }
    expect(feishuRequestId(reply(body, 400, { 'x-tt-logid': 'TT', 'x-request-id': 'RQ' }))).toBe('TT')
    expect(feishuRequestId(reply(body, 400, { 'x-request-id': 'RQ' }))).toBe('RQ')
    expect(feishuRequestId(reply(body, 400))).toBe('BODY')
    expect(feishuRequestId(reply({ code: 1 }, 400))).toBeUndefined()
  })

  it('maps rate-limit codes to RateLimitError with x-ogw-ratelimit-reset seconds', () => {
    for (const code of [99991400, 230020, 11232, 11233]) {
      const error = fail(reply({ code, msg: 'limit' }, 429, { 'x-ogw-ratelimit-reset': '3' }))
      expect(RateLimitError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ code, retryAfterMs: 3000, retryable: true, delivery: 'not-sent' })
    }
  })

  it('maps token codes to AuthError with tokenRejected', () => {
    for (const code of [99991663, 99991661, 99991664, 99991665, 99991671, 20005, 20013]) {
      const error = fail(reply({ code }, 400))
      expect(AuthError.isInstance(error) && error.tokenRejected).toBe(true)
    }
    for (const code of [99991672, 99991401, 10003, 10012, 10013, 10014, 10015, 20002]) {
      const error = fail(reply({ code }, 400))
      expect(AuthError.isInstance(error) && !error.tokenRejected).toBe(true)
    }
  })

  it('maps permanent send codes to VendorError with retryable false', () => {
    for (const code of [230002, 230013, 230025, 230034, 230035, 230053, 10002, 10030, 11225]) {
      const error = fail(reply({ code, error: { log_id: 'LOG' } }, 400))
      expect(
        VendorError.isInstance(error) && !RateLimitError.isInstance(error) && !AuthError.isInstance(error),
      ).toBe(true)
      expect(error).toMatchObject({ code, retryable: false, delivery: 'not-sent', requestId: 'LOG' })
    }
  })

  it('treats an unlisted code on a 5xx, and the internal codes, as transient with unknown delivery', () => {
    expect(fail(reply({ code: 777 }, 503))).toMatchObject({ retryable: true, delivery: 'unknown' })
    for (const code of [2200, 5000, 1500, 230049, 18121]) {
      expect(fail(reply({ code }, 200))).toMatchObject({ retryable: true, delivery: 'unknown' })
    }
  })

  it('turns every token-endpoint failure but rate limits into AuthError', () => {
    const token = (response: HttpResponse) => readTokenEnvelope(response, context, v.unknown(), (e) => e)
    for (const code of [10003, 10014, 230002, 99991663]) {
      const error = fail(reply({ code, msg: 'bad' }), token)
      expect(AuthError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ code, tokenRejected: false })
    }
    expect(RateLimitError.isInstance(fail(reply({ code: 99991400 }, 429), token))).toBe(true)
  })
})
