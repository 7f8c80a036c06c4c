import { MsgError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { geweSecretCheck } from './gewe-secret.js'

const request = (url: string, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', headers, body: '{}' })

describe('geweSecretCheck', () => {
  it('accepts everything without a secret', () => {
    expect(geweSecretCheck({})(request('http://h.test/gewe'))).toBe(true)
  })

  it('compares the last path segment, percent-decoded, by default', () => {
    const check = geweSecretCheck({ secret: 's3cr3t+ü' })
    expect(check(request(`http://h.test/gewe/${encodeURIComponent('s3cr3t+ü')}`))).toBe(true)
    expect(check(request(`http://h.test/gewe/${encodeURIComponent('s3cr3t+ü')}/?x=1`))).toBe(true)
    expect(check(request('http://h.test/gewe/s3cr3t'))).toBe(false)
    expect(check(request('http://h.test/gewe'))).toBe(false)
    expect(check(request('http://h.test/'))).toBe(false)
    expect(check(request('http://h.test/gewe/%E0%A4%A'))).toBe(false)
    // The secret in a header does not count when the path is configured.
    expect(check(request('http://h.test/gewe', { authorization: 's3cr3t+ü' }))).toBe(false)
  })

  it('compares the whole header value with secretIn: header', () => {
    const check = geweSecretCheck({ secret: 'abc', secretIn: 'header' })
    expect(check(request('http://h.test/gewe', { authorization: 'abc' }))).toBe(true)
    expect(check(request('http://h.test/gewe', { authorization: 'Bearer abc' }))).toBe(false)
    expect(check(request('http://h.test/gewe/abc'))).toBe(false)
    const custom = geweSecretCheck({ secret: 'abc', secretIn: 'header', secretHeader: 'X-Callback-Secret' })
    expect(custom(request('http://h.test/gewe', { 'x-callback-secret': 'abc' }))).toBe(true)
    expect(custom(request('http://h.test/gewe', { authorization: 'abc' }))).toBe(false)
  })

  it.each([
    [{ secret: '' }, 'secret must be a non-empty string'],
    [{ secret: 'a/b' }, "must not contain '/'"],
    [{ secretIn: 'query' as never }, "secretIn must be 'path' or 'header'"],
    [{ secretHeader: 'bad header' }, 'secretHeader must be a header name'],
  ])('refuses settings %j', (settings, message) => {
    const error = (() => {
      try {
        geweSecretCheck(settings)
      } catch (caught) {
        return caught
      }
    })()
    expect(MsgError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain(message)
  })
})
