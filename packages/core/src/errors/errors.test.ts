import { describe, expect, it } from 'vitest'
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
  withDelivery,
} from '../index.js'

const vendorOptions = { vendor: 'feishu' as const, message: 'boom', code: 230002, status: 400 }

describe('the error family', () => {
  const cases = [
    [
      'ValidationError',
      new ValidationError({ vendor: 'gewe', message: 'bad', issues: [{ path: 'a', message: 'b' }] }),
    ],
    ['VendorError', new VendorError({ ...vendorOptions, retryable: false })],
    ['AuthError', new AuthError(vendorOptions)],
    ['RateLimitError', new RateLimitError({ ...vendorOptions, retryAfterMs: 5 })],
    ['NetworkError', new NetworkError({ vendor: 'fxiaoke', message: 'x' })],
    ['TimeoutError', new TimeoutError({ vendor: 'netease-im', message: 'x', timeoutMs: 5 })],
    ['ResponseError', new ResponseError({ vendor: 'gewe', message: 'x', status: 502 })],
    ['FallbackError', new FallbackError([{ vendor: 'gewe', error: new Error('down') }])],
  ] as const

  it.each(cases)('%s has its class name, the vendor prefix and is a MsgError', (name, error) => {
    expect(error.name).toBe(name)
    expect(error).toBeInstanceOf(MsgError)
    expect(MsgError.isInstance(error)).toBe(true)
    expect(error.message).toMatch(/^\[@msg\/(feishu|gewe|fxiaoke|netease-im|core)\] /)
    expect(String(error)).toContain(name)
  })

  it('isInstance follows the hierarchy and rejects other values', () => {
    const rate = new RateLimitError({ ...vendorOptions, retryAfterMs: 1000 })
    expect(VendorError.isInstance(rate)).toBe(true)
    expect(RateLimitError.isInstance(rate)).toBe(true)
    expect(AuthError.isInstance(rate)).toBe(false)
    expect(NetworkError.isInstance(new TimeoutError({ vendor: 'gewe', message: 'x' }))).toBe(true)
    expect(TimeoutError.isInstance(new NetworkError({ vendor: 'gewe', message: 'x' }))).toBe(false)
    for (const value of [null, undefined, 1, 'VendorError', new Error('x'), { name: 'VendorError' }]) {
      expect(VendorError.isInstance(value)).toBe(false)
    }
  })

  it('isInstance agrees across two copies of the classes (two installs of core)', async () => {
    // A query string makes Vite load a second, independent instance of the module.
    // @ts-expect-error -- TypeScript does not know the query suffix; Vite resolves it to the same file.
    const copy = (await import('./vendor-error.js?second-copy')) as typeof import('./vendor-error.js')
    expect(copy.VendorError).not.toBe(VendorError)
    const foreign = new copy.VendorError({ ...vendorOptions, retryable: true })
    expect(foreign instanceof VendorError).toBe(false)
    expect(VendorError.isInstance(foreign)).toBe(true)
    expect(MsgError.isInstance(foreign)).toBe(true)
    expect(copy.VendorError.isInstance(new RateLimitError(vendorOptions))).toBe(true)
  })

  it('defaults: delivery not-sent, timeouts unknown, rate limits retryable, auth not', () => {
    expect(new NetworkError({ vendor: 'gewe', message: 'x' }).delivery).toBe('not-sent')
    expect(new TimeoutError({ vendor: 'gewe', message: 'x' }).delivery).toBe('unknown')
    expect(new RateLimitError(vendorOptions).retryable).toBe(true)
    expect(new AuthError(vendorOptions).retryable).toBe(false)
    expect(new AuthError({ ...vendorOptions, tokenRejected: true }).tokenRejected).toBe(true)
    expect(new ValidationError({ vendor: 'gewe', message: 'x', issues: [] }).delivery).toBe('not-sent')
  })

  it('keeps the cause and serialises to plain JSON without it', () => {
    const cause = new Error('socket hang up')
    const error = new VendorError({ ...vendorOptions, retryable: false, cause, requestId: 'log-1' })
    expect(error.cause).toBe(cause)
    const json = JSON.parse(JSON.stringify(error))
    expect(json).toMatchObject({
      name: 'VendorError',
      code: 230002,
      status: 400,
      requestId: 'log-1',
      vendor: 'feishu',
    })
    expect(json).not.toHaveProperty('cause')
  })

  it('FallbackError lists every attempt and inherits the last delivery', () => {
    const attempts = [
      { vendor: 'feishu' as const, error: new RateLimitError(vendorOptions) },
      { vendor: 'gewe' as const, error: new TimeoutError({ vendor: 'gewe', message: 'slow' }) },
    ]
    const error = new FallbackError(attempts)
    expect(error.attempts).toEqual(attempts)
    expect(error.delivery).toBe('unknown')
    expect(error.message).toContain('2 channel(s) tried')
    expect(error.message).toContain('gewe: [@msg/gewe] slow')
  })

  it('withDelivery returns a native error copy with the new delivery, leaving the original as it was', () => {
    const original = new TimeoutError({
      vendor: 'feishu',
      message: 'slow',
      timeoutMs: 5,
      cause: new Error('inner'),
    })
    const copy = withDelivery(original, 'not-sent')
    expect(original.delivery).toBe('unknown')
    expect(copy).toMatchObject({
      delivery: 'not-sent',
      timeoutMs: 5,
      message: original.message,
      name: 'TimeoutError',
    })
    expect(copy).toBeInstanceOf(TimeoutError)
    expect(TimeoutError.isInstance(copy) && NetworkError.isInstance(copy)).toBe(true)
    expect(copy.stack).toBe(original.stack)
    expect((copy.cause as Error).message).toBe('inner')
    expect(Object.prototype.toString.call(copy)).toBe('[object Error]')
    expect(structuredClone(copy).message).toBe(original.message)
    expect(withDelivery(copy, 'not-sent')).toBe(copy)
  })
})
