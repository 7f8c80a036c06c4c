import { AuthError } from '../errors/auth-error.js'
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
  let local: CachedToken | undefined
  let pending: Promise<CachedToken> | undefined
  let warned = false

  async function guarded<T>(operation: () => Promise<T> | T): Promise<T | undefined> {
    try {
      return await operation()
    } catch (error) {
      if (!warned) {
        warned = true
        options.warn?.(
          `token store unavailable (${error instanceof Error ? error.message : String(error)}); fetching tokens directly`,
        )
      }
      return undefined
    }
  }

  async function load(): Promise<CachedToken> {
    const stored = await guarded(() => store.get(options.key))
    if (isCachedToken(stored) && stored.refreshAt > now()) {
      warned = false
      local = stored
      return stored
    }
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

  return {
    get() {
      if (local && local.refreshAt > now()) return Promise.resolve(local)
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

/**
 * Runs `attempt` with a cached token; when the vendor rejects that token (`AuthError` with
 * `tokenRejected`), invalidates it, fetches a fresh one and tries exactly once more. The retry is
 * safe: a rejected token means the vendor did not process the request.
 * @see @msg/core README.md#tokens
 */
export async function withTokenRefresh<Result>(
  cache: TokenCache,
  attempt: (token: CachedToken) => Promise<Result>,
): Promise<Result> {
  const token = await cache.get()
  try {
    return await attempt(token)
  } catch (error) {
    if (!AuthError.isInstance(error) || !error.tokenRejected) throw error
    await cache.invalidate(token.value)
    return attempt(await cache.get())
  }
}
