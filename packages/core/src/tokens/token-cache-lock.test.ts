import { describe, expect, it, vi } from 'vitest'
import { createTokenCache, type FetchedToken } from './token-cache.js'
import { createMemoryTokenStore, type TokenStore } from './token-store.js'

/** A memory store with an atomic lock, as a Redis store would have (SET NX PX). */
function lockingStore(): TokenStore & { locks: Map<string, number>; lockCalls: number } {
  const base = createMemoryTokenStore()
  const locks = new Map<string, number>()
  const store = {
    locks,
    lockCalls: 0,
    get: base.get,
    set: base.set,
    delete: base.delete,
    lock(key: string, ttlMs: number) {
      store.lockCalls++
      const until = locks.get(key)
      if (until !== undefined && until > Date.now()) return undefined
      locks.set(key, Date.now() + ttlMs)
      return () => locks.delete(key)
    },
  }
  return store
}

function tokenSource(delayMs = 20) {
  const calls: string[] = []
  const fetch = async (): Promise<FetchedToken> => {
    calls.push('fetch')
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    return { value: `token-${calls.length}`, expiresInMs: 7_200_000 }
  }
  return { fetch, calls }
}

describe('createTokenCache with a locking store', () => {
  it('two caches (two processes) racing for a first token make one fetch between them', async () => {
    const store = lockingStore()
    const source = tokenSource()
    const first = createTokenCache({ key: 'k', fetch: source.fetch, store, lockPollMs: 5 })
    const second = createTokenCache({ key: 'k', fetch: source.fetch, store, lockPollMs: 5 })
    const tokens = await Promise.all([
      ...Array.from({ length: 50 }, () => first.get()),
      ...Array.from({ length: 50 }, () => second.get()),
    ])
    expect(source.calls).toHaveLength(1)
    expect(new Set(tokens.map((token) => token.value))).toEqual(new Set(['token-1']))
    expect(store.locks.size).toBe(0)
  })

  it('without a lock the same race makes two fetches (what the lock prevents)', async () => {
    const base = createMemoryTokenStore()
    const source = tokenSource()
    const first = createTokenCache({ key: 'k', fetch: source.fetch, store: base })
    const second = createTokenCache({ key: 'k', fetch: source.fetch, store: base })
    await Promise.all([first.get(), second.get()])
    expect(source.calls).toHaveLength(2)
  })

  it('a waiter takes over the lock when the holder fails, instead of waiting out the bound', async () => {
    const store = lockingStore()
    let attempt = 0
    const failing = createTokenCache({
      key: 'k',
      store,
      fetch: async () => {
        attempt++
        await new Promise((resolve) => setTimeout(resolve, 20))
        throw new Error('token endpoint down')
      },
    })
    const healthy = tokenSource()
    const waiter = createTokenCache({ key: 'k', fetch: healthy.fetch, store, lockPollMs: 5, lockMs: 60_000 })
    const holder = failing.get()
    const waited = waiter.get()
    await expect(holder).rejects.toThrow('token endpoint down')
    await expect(waited).resolves.toMatchObject({ value: 'token-1' })
    expect(attempt).toBe(1)
    expect(healthy.calls).toHaveLength(1)
  })

  it('fetches directly after a bounded wait when a dead holder never releases', async () => {
    const store = lockingStore()
    store.locks.set('k:lock', Date.now() + 60_000)
    const source = tokenSource(0)
    const cache = createTokenCache({ key: 'k', fetch: source.fetch, store, lockMs: 50, lockPollMs: 10 })
    await expect(cache.get()).resolves.toMatchObject({ value: 'token-1' })
    expect(store.lockCalls).toBe(5)
    expect(source.calls).toHaveLength(1)
  })

  it('fetches directly with one warning when the lock call fails', async () => {
    const store = lockingStore()
    store.lock = () => Promise.reject(new Error('ECONNRESET redis'))
    const warn = vi.fn()
    const source = tokenSource(0)
    const cache = createTokenCache({ key: 'k', fetch: source.fetch, store, warn })
    await expect(cache.get()).resolves.toMatchObject({ value: 'token-1' })
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /token store unavailable \(ECONNRESET redis\); fetching tokens directly/,
    )
  })

  it('stops waiting and fetches when the store goes away while waiting', async () => {
    const store = lockingStore()
    store.locks.set('k:lock', Date.now() + 60_000)
    const warn = vi.fn()
    const source = tokenSource(0)
    const cache = createTokenCache({ key: 'k', fetch: source.fetch, store, warn, lockPollMs: 5 })
    const originalGet = store.get
    let reads = 0
    store.get = (key) => {
      reads++
      if (reads > 1) throw new Error('socket closed')
      return originalGet(key)
    }
    await expect(cache.get()).resolves.toMatchObject({ value: 'token-1' })
    expect(reads).toBe(2)
    expect(warn).toHaveBeenCalledTimes(1)
  })
})
