import { afterEach, describe, expect, it, vi } from 'vitest'
import { ValidationError } from '../errors/validation-error.js'
import { assertServerSideSecret } from './browser-guard.js'
import { fromBase64, isBrowserRuntime, randomHex, randomUuid, sleep, toBase64, toHex } from './runtime.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('runtime helpers', () => {
  it('toBase64 and fromBase64 match Buffer for every length up to 3 chunks of 32 KiB', () => {
    for (const length of [0, 1, 2, 3, 0x8000 - 1, 0x8000, 0x8000 * 3 + 7]) {
      const bytes = new Uint8Array(length).map((_, index) => (index * 131 + length) & 0xff)
      const encoded = toBase64(bytes)
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'))
      expect(fromBase64(encoded)).toEqual(bytes)
    }
    expect(() => fromBase64('not base64!')).toThrow()
  })

  it('toHex writes two lowercase hex characters per byte', () => {
    expect(toHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff')
    expect(toHex(new Uint8Array())).toBe('')
  })

  it('randomUuid makes distinct RFC 4122 version 4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomUuid()))
    expect(ids.size).toBe(1000)
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('randomUuid falls back to getRandomValues where crypto.randomUUID is missing (insecure contexts)', () => {
    const { getRandomValues } = globalThis.crypto
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) })
    const ids = new Set(Array.from({ length: 100 }, () => randomUuid()))
    expect(ids.size).toBe(100)
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('randomHex gives distinct lowercase hex values of the asked length, across pool refills', () => {
    const values = new Set(Array.from({ length: 1000 }, () => randomHex(16)))
    expect(values.size).toBe(1000)
    for (const value of values) expect(value).toMatch(/^[0-9a-f]{32}$/)
    expect(randomHex(5000)).toMatch(/^[0-9a-f]{10000}$/)
    expect(randomHex(1)).toMatch(/^[0-9a-f]{2}$/)
  })

  it('detects browsers by their user agent, not Node, Deno, Bun or workers', () => {
    expect(isBrowserRuntime()).toBe(false)
    for (const agent of ['Deno/2.9', 'Bun/1.4', 'Node.js/24', 'Cloudflare-Workers']) {
      vi.stubGlobal('navigator', { userAgent: agent })
      expect(isBrowserRuntime()).toBe(false)
    }
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156' })
    expect(isBrowserRuntime()).toBe(true)
  })

  it('sleep resolves after the wait and rejects at once on abort', async () => {
    await expect(sleep(5)).resolves.toBeUndefined()
    const controller = new AbortController()
    const pending = sleep(60_000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(pending).rejects.toThrow('stop')
    await expect(sleep(5, AbortSignal.abort(new Error('already')))).rejects.toThrow('already')
  })
})

describe('assertServerSideSecret', () => {
  const guard = (present: boolean, dangerouslyAllowBrowser?: boolean) =>
    assertServerSideSecret({ vendor: 'feishu', setting: 'appSecret', present, dangerouslyAllowBrowser })

  it('allows secrets outside browsers', () => {
    expect(() => guard(true)).not.toThrow()
  })

  it('refuses a secret in a browser unless explicitly allowed', () => {
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Chrome/156' })
    expect(() => guard(true)).toThrow(ValidationError)
    expect(() => guard(true)).toThrow(/refusing `appSecret` in a browser.*dangerouslyAllowBrowser/)
    expect(() => guard(true, true)).not.toThrow()
    expect(() => guard(false)).not.toThrow()
  })
})
