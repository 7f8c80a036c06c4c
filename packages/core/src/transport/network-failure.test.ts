import { describe, expect, it } from 'vitest'
import { failedBeforeWrite } from './network-failure.js'

describe('failedBeforeWrite', () => {
  const undici = (code: string) =>
    new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) })

  it('recognises refused connections and DNS failures in Node, Bun and Deno', () => {
    expect(failedBeforeWrite(undici('ECONNREFUSED'))).toBe(true)
    expect(failedBeforeWrite(undici('ENOTFOUND'))).toBe(true)
    const happyEyeballs = new TypeError('fetch failed', {
      cause: new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
    })
    expect(failedBeforeWrite(happyEyeballs)).toBe(true)
    expect(
      failedBeforeWrite(Object.assign(new Error('Unable to connect'), { code: 'ConnectionRefused' })),
    ).toBe(true)
    expect(failedBeforeWrite(new TypeError('error sending request: Connection refused (os error 111)'))).toBe(
      true,
    )
  })

  it('treats resets and opaque browser failures as possibly written', () => {
    expect(failedBeforeWrite(undici('ECONNRESET'))).toBe(false)
    expect(failedBeforeWrite(new TypeError('Failed to fetch'))).toBe(false)
  })
})
