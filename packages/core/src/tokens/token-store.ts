/** A token as cached: the value, when it expires, and when to refresh it (epoch ms). */
export interface CachedToken {
  value: string
  expiresAt: number
  refreshAt: number
  /** Vendor extras that travel with the token (e.g. Fxiaoke's `ea`). */
  extra?: Record<string, string>
}

/** Gives a held lock back; called once, after the fetched token was stored. */
export type TokenStoreRelease = () => Promise<unknown> | unknown

/**
 * Where tokens are kept: Keyv-compatible `get`/`set`/`delete` (TTL in ms), so a Keyv instance
 * backed by Redis can share one token between many processes.
 *
 * `lock` is optional: a store shared by several processes (e.g. `@msg/token-store-redis`) implements
 * it atomically (Redis `SET NX PX`), so only the lock holder asks the vendor for a token and the
 * others wait for it in the store. It returns a release function when the caller now holds the
 * lock, or `undefined` when another holder has it; the lock expires by itself after `ttlMs`.
 * @see https://keyv.org/docs/
 */
export interface TokenStore {
  get(key: string): Promise<unknown> | unknown
  set(key: string, value: CachedToken, ttl?: number): Promise<unknown> | unknown
  delete(key: string): Promise<unknown> | unknown
  lock?(key: string, ttlMs: number): Promise<TokenStoreRelease | undefined> | TokenStoreRelease | undefined
}

/**
 * The default store: a process-local map honouring TTLs.
 * @see https://keyv.org/docs/
 */
export function createMemoryTokenStore(now: () => number = Date.now): TokenStore {
  const entries = new Map<string, { value: CachedToken; until: number }>()
  return {
    get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (entry.until <= now()) {
        entries.delete(key)
        return undefined
      }
      return entry.value
    },
    set(key, value, ttl) {
      entries.set(key, { value, until: ttl === undefined ? Number.POSITIVE_INFINITY : now() + ttl })
      return true
    },
    delete(key) {
      return entries.delete(key)
    },
  }
}
