import type { TokenCache } from '../tokens/token-cache.js'
import type { CachedToken } from '../tokens/token-store.js'

/** What a client's credentials add to one attempt. */
export interface AttemptCredentials {
  headers?: Record<string, string>
  /** Fields merged into the top level of the JSON body, for vendors that take a token in the body. */
  body?: Record<string, unknown>
  /** Query parameters added to the URL, after the request's own, for vendors that take a token in the query. */
  query?: Record<string, string>
  /** The token these credentials carry: redacted from every message and hook, and handed back on rejection. */
  token?: string
}

/**
 * How a client authenticates its requests, resolved afresh before every attempt: a bearer token from a
 * token cache, a per-request signature, or a static header.
 * @see @msg/core README.md#credentials
 */
export interface RequestAuth {
  /**
   * Credentials for the next attempt, as a value or a promise (anything with a `then`). Whatever this
   * throws or rejects with ends the call with a `MsgError` whose `delivery` is `not-sent`: no request
   * has been written. Per-call `options.headers` are applied after these and win over them.
   */
  credentials(): Promise<AttemptCredentials> | AttemptCredentials
  /**
   * The vendor rejected these credentials as stale (an `AuthError` with `tokenRejected`): forget them.
   * The transport then asks `credentials()` again and repeats the attempt once, outside the retry
   * budget. Without `refresh`, a rejection is final.
   */
  refresh?(rejected: AttemptCredentials): Promise<void> | void
}

/**
 * A {@link RequestAuth} over a {@link TokenCache}: each attempt takes the cached token (one fetch shared by
 * every concurrent caller), and a rejected token is invalidated so the repeat gets a fresh one.
 * @see @msg/core README.md#credentials
 */
export function tokenAuth(
  cache: TokenCache,
  apply: (token: CachedToken) => Omit<AttemptCredentials, 'token'>,
): RequestAuth {
  const credentialsOf = (token: CachedToken): AttemptCredentials => ({ ...apply(token), token: token.value })
  return {
    // A fresh token in memory is used without a promise: the common case costs no extra turn.
    credentials: () => {
      const token = cache.peek?.()
      return token ? credentialsOf(token) : cache.get().then(credentialsOf)
    },
    refresh: (rejected) => cache.invalidate(rejected.token),
  }
}
