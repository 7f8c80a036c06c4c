import { describe, expect, it, vi } from 'vitest'
import { createTokenCache } from './token-cache.js'
import { createMemoryTokenStore, type TokenStore } from './token-store.js'

function counter(lifetimeMs = 7_200_000) {
  let calls = 0
  const fetch = vi.fn(async () => {
    calls++
    await new Promise((resolve) => setTimeout(resolve, 5))
    return { value: `token-${calls}`, expiresInMs: lifetimeMs }
  })
  return { fetch, calls: () => calls }
}

describe('createTokenCache', () => {
  it('peek gives the fresh token in memory without waiting, and nothing before a fetch or once it is due', async () => {
    let now = 0
    const source = counter(600_000)
    const cache = createTokenCache({ key: 'k', fetch: source.fetch, marginMs: 60_000, now: () => now })
    expect(cache.peek?.()).toBeUndefined()
    const token = await cache.get()
    expect(cache.peek?.()).toBe(token)
    now = token.refreshAt
    expect(cache.peek?.()).toBeUndefined()
    expect(source.calls()).toBe(1)
  })

  it('makes exactly one fetch for 1000 concurrent first callers', async () => {
    const source = counter()
    const cache = createTokenCache({ key: 'k', fetch: source.fetch })
    const tokens = await Promise.all(Array.from({ length: 1000 }, () => cache.get()))
    expect(source.calls()).toBe(1)
    expect(new Set(tokens.map((token) => token.value))).toEqual(new Set(['token-1']))
  })

  it('rejects every waiter when the fetch fails, and the next call tries again', async () => {
    let attempt = 0
    const cache = createTokenCache({
      key: 'k',
      fetch: async () => {
        attempt++
        if (attempt === 1) throw new Error('token endpoint down')
        return { value: 'ok', expiresInMs: 60_000 }
      },
    })
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => cache.get()))
    expect(results.every((result) => result.status === 'rejected')).toBe(true)
    expect(attempt).toBe(1)
    await expect(cache.get()).resolves.toMatchObject({ value: 'ok' })
    expect(attempt).toBe(2)
  })

  it('refreshes inside the expiry margin', async () => {
    let now = 1_000_000
    const source = counter(600_000)
    const cache = createTokenCache({ key: 'k', fetch: source.fetch, marginMs: 180_000, now: () => now })
    expect((await cache.get()).value).toBe('token-1')
    now += 419_000
    expect((await cache.get()).value).toBe('token-1')
    now += 2_000
    expect((await cache.get()).value).toBe('token-2')
  })

  it('never keeps a token shorter-lived than the margin forever fresh or forever stale', async () => {
    let now = 0
    const source = counter(60_000)
    const cache = createTokenCache({ key: 'k', fetch: source.fetch, marginMs: 180_000, now: () => now })
    await cache.get()
    await cache.get()
    expect(source.calls()).toBe(1)
    now += 31_000
    await cache.get()
    expect(source.calls()).toBe(2)
  })

  it('invalidates only the rejected token, so late invalidations keep a fresh one', async () => {
    const source = counter()
    const cache = createTokenCache({ key: 'k', fetch: source.fetch })
    const first = await cache.get()
    await cache.invalidate(first.value)
    const second = await cache.get()
    expect(second.value).toBe('token-2')
    await cache.invalidate(first.value)
    expect((await cache.get()).value).toBe('token-2')
    await cache.invalidate()
    expect((await cache.get()).value).toBe('token-3')
  })

  it('shares a token through the store between two caches (two processes)', async () => {
    const store = createMemoryTokenStore()
    const source = counter()
    const a = createTokenCache({ key: 'shared', fetch: source.fetch, store })
    const b = createTokenCache({ key: 'shared', fetch: source.fetch, store })
    expect((await a.get()).value).toBe('token-1')
    expect((await b.get()).value).toBe('token-1')
    expect(source.calls()).toBe(1)
  })

  it('degrades to direct fetching with one warning when the store fails', async () => {
    const broken: TokenStore = {
      get: () => Promise.reject(new Error('ECONNREFUSED redis')),
      set: () => Promise.reject(new Error('ECONNREFUSED redis')),
      delete: () => Promise.reject(new Error('ECONNREFUSED redis')),
    }
    const warn = vi.fn()
    const source = counter()
    const cache = createTokenCache({ key: 'k', fetch: source.fetch, store: broken, warn })
    expect((await cache.get()).value).toBe('token-1')
    await cache.invalidate('token-1')
    expect((await cache.get()).value).toBe('token-2')
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]?.[0]).toMatch(/token store unavailable .*fetching tokens directly/)
  })

  it('memory store honours TTL', () => {
    let now = 0
    const store = createMemoryTokenStore(() => now)
    const token = { value: 'v', expiresAt: 10, refreshAt: 5 }
    store.set('a', token, 100)
    expect(store.get('a')).toEqual(token)
    now = 100
    expect(store.get('a')).toBeUndefined()
    store.set('b', token)
    expect(store.delete('b')).toBe(true)
  })
})
