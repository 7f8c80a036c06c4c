import { sleep } from '../runtime/runtime.js'
import { type CachedToken, createMemoryTokenStore, type TokenStore } from './token-store.js'

/** What a vendor's token endpoint returned. */
export interface FetchedToken {
  value: string
  /** Remaining lifetime as the vendor reported it. */
  expiresInMs: number
  extra?: Record<string, string>
}

/** Options for {@link createTokenCache}. */
export interface TokenCacheOptions {
  /** Cache key; include the base URL and app id so two apps never share a token. */
  key: string
  /** Fetches a fresh token from the vendor. Called by at most one caller at a time. */
  fetch: () => Promise<FetchedToken>
  store?: TokenStore
  /** Refresh this long before expiry. Default 3 minutes. */
  marginMs?: number
  /**
   * With a store that has `lock`: how long the lock lives, and about how long a process that
   * does not hold it waits for the holder's token before fetching one itself. Default 10 s.
   */
  lockMs?: number
  /** How often a waiting process looks for the holder's token in the store. Default 100 ms. */
  lockPollMs?: number
  /** Called when the store fails; the cache then works from memory. */
  warn?: (message: string) => void
  now?: () => number
}

/**
 * A token cache with single-flight refresh, an expiry margin, invalidation and a pluggable store.
 * @see @msg/core README.md#tokens
 */
export interface TokenCache {
  /** A valid token: from memory, else the store, else one fetch shared by all concurrent callers. */
  get(): Promise<CachedToken>
  /** The token held in memory when it is still fresh, without waiting; `undefined` otherwise (then call `get`). */
  peek?(): CachedToken | undefined
  /** Forgets the token, but only if it is still `rejected` (so a fresh one survives late invalidations). */
  invalidate(rejected?: string): Promise<void>
}

function isCachedToken(value: unknown): value is CachedToken {
  const token = value as CachedToken | undefined
  return (
    typeof token?.value === 'string' &&
    typeof token.expiresAt === 'number' &&
    typeof token.refreshAt === 'number'
  )
}

/**
 * Creates a {@link TokenCache}. N concurrent first calls make exactly one `fetch`; a failed
 * fetch rejects every waiter and the next call tries again; store failures only warn.
 * @see @msg/core README.md#tokens
 */
export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const store = options.store ?? createMemoryTokenStore()
  const now = options.now ?? Date.now
  const margin = options.marginMs ?? 180_000
  const lockMs = options.lockMs ?? 10_000
  const pollMs = options.lockPollMs ?? 100
  let local: CachedToken | undefined
  let pending: Promise<CachedToken> | undefined
  let warned = false

  async function attempt<T>(
    operation: () => Promise<T> | T,
  ): Promise<{ ok: true; value: T } | { ok: false }> {
    try {
      return { ok: true, value: await operation() }
    } catch (error) {
      if (!warned) {
        warned = true
        options.warn?.(
          `token store unavailable (${error instanceof Error ? error.message : String(error)}); fetching tokens directly`,
        )
      }
      return { ok: false }
    }
  }

  async function guarded<T>(operation: () => Promise<T> | T): Promise<T | undefined> {
    const result = await attempt(operation)
    return result.ok ? result.value : undefined
  }

  /** The stored token when it is still fresh; `false` when the store failed. */
  async function readStored(): Promise<CachedToken | undefined | false> {
    const stored = await attempt(() => store.get(options.key))
    if (!stored.ok) return false
    if (isCachedToken(stored.value) && stored.value.refreshAt > now()) {
      warned = false
      local = stored.value
      return stored.value
    }
    return undefined
  }

  async function fetchAndStore(): Promise<CachedToken> {
    const fetched = await options.fetch()
    const issuedAt = now()
    const token: CachedToken = {
      value: fetched.value,
      expiresAt: issuedAt + fetched.expiresInMs,
      refreshAt: issuedAt + Math.max(fetched.expiresInMs - margin, fetched.expiresInMs / 2),
      ...(fetched.extra ? { extra: fetched.extra } : {}),
    }
    local = token
    await guarded(() => store.set(options.key, token, Math.max(1, token.expiresAt - now())))
    return token
  }

  /** Only the lock holder fetches; the others wait for its token in the store, for a bounded time. */
  async function loadLocked(lock: NonNullable<TokenStore['lock']>): Promise<CachedToken> {
    const rounds = Math.max(1, Math.ceil(lockMs / pollMs))
    for (let round = 0; round < rounds; round++) {
      const acquired = await attempt(() => lock.call(store, `${options.key}:lock`, lockMs))
      if (!acquired.ok) return fetchAndStore()
      const release = acquired.value
      if (release) {
        try {
          const stored = await readStored()
          return stored || (await fetchAndStore())
        } finally {
          await guarded(release)
        }
      }
      await sleep(pollMs)
      const stored = await readStored()
      if (stored === false) return fetchAndStore()
      if (stored) return stored
    }
    return fetchAndStore()
  }

  async function load(): Promise<CachedToken> {
    const stored = await readStored()
    if (stored) return stored
    if (stored === false || !store.lock) return fetchAndStore()
    return loadLocked(store.lock)
  }

  const fresh = () => (local && local.refreshAt > now() ? local : undefined)
  return {
    peek: fresh,
    get() {
      const token = fresh()
      if (token) return Promise.resolve(token)
      pending ??= load().finally(() => {
        pending = undefined
      })
      return pending
    },
    async invalidate(rejected) {
      if (rejected === undefined || local?.value === rejected) local = undefined
      const stored = await guarded(() => store.get(options.key))
      if (rejected === undefined || (isCachedToken(stored) && stored.value === rejected)) {
        await guarded(() => store.delete(options.key))
      }
    },
  }
}
