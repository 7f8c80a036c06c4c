import { createTokenCache, type HttpClient, type RequestAuth, tokenAuth } from '@msg/core'
import { fetchTenantAccessToken } from './auth/tenant-access-token.js'
import type { FeishuSettings } from './feishu-settings.js'

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/**
 * How a Feishu client authenticates each attempt: `Authorization: Bearer <tenant_access_token>`.
 * With `{ appId, appSecret }` the token comes from a single-flight cache (key
 * `@msg/feishu:<baseURL>:<appId>`, optionally shared through `tokenStore`) and a rejected token is
 * fetched afresh once. A fixed `tenantAccessToken` string is sent as is and never refreshed; a
 * function is called before every attempt, and once more after Feishu rejects its token.
 * `http` is read lazily: only when a token is fetched.
 */
export function createFeishuAuth(
  settings: FeishuSettings,
  baseURL: string,
  http: () => HttpClient,
): RequestAuth {
  const source = settings.tenantAccessToken
  // `token` makes the transport redact the value from messages and hooks, like the app secret.
  if (typeof source === 'string') return { credentials: () => ({ headers: bearer(source), token: source }) }
  if (source !== undefined) {
    return {
      credentials: () => source().then((token) => ({ headers: bearer(token), token })),
      // Nothing to forget: the repeat after a rejection simply asks the function again.
      refresh() {},
    }
  }
  const { appId, appSecret, tokenStore, tokenMarginMs } = settings
  const cache = createTokenCache({
    key: `@msg/feishu:${baseURL}:${appId}`,
    fetch: () => fetchTenantAccessToken(http(), { appId, appSecret }),
    store: tokenStore,
    marginMs: tokenMarginMs,
    warn: (message) => http().warn(message),
  })
  return tokenAuth(cache, (token) => ({ headers: bearer(token.value) }))
}
