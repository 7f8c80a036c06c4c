import { describe, expect, it } from 'vitest'
import { retryAfterFromHeaders } from './retry-after.js'

describe('retryAfterFromHeaders', () => {
  it('reads delta seconds, fractions and HTTP dates', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '3' }))).toBe(3000)
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '0.5' }))).toBe(500)
    const now = Date.parse('2026-11-21T10:00:00Z')
    expect(
      retryAfterFromHeaders(new Headers({ 'retry-after': 'Sat, 21 Nov 2026 10:00:05 GMT' }), undefined, now),
    ).toBe(5000)
    expect(
      retryAfterFromHeaders(new Headers({ 'retry-after': 'Sat, 21 Nov 2026 09:00:00 GMT' }), undefined, now),
    ).toBe(0)
  })

  it('takes the first header present among the names, and ignores garbage', () => {
    const headers = new Headers({ 'x-ogw-ratelimit-reset': '7' })
    expect(retryAfterFromHeaders(headers, ['retry-after', 'x-ogw-ratelimit-reset'])).toBe(7000)
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': 'soon' }))).toBeUndefined()
    expect(retryAfterFromHeaders(new Headers())).toBeUndefined()
  })
})
