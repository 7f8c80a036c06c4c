import {
  type CachedToken,
  createTokenCache,
  type Delivery,
  type HttpClient,
  MsgError,
  type TokenCache,
  withTokenRefresh,
} from '@msg/core'
import { fetchTenantAccessToken } from './auth/tenant-access-token.js'
import type { FeishuSettings } from './feishu-settings.js'

/**
 * Runs one authorized call with `Authorization: Bearer <tenant_access_token>`, refreshing once on a token code.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export type Authorized = <Result>(
  attempt: (headers: Record<string, string>) => Promise<Result>,
) => Promise<Result>

/** A token that could not be obtained means no message left: the send's delivery is `not-sent`. */
function notSent(error: unknown): unknown {
  if (MsgError.isInstance(error)) (error as { delivery: Delivery }).delivery = 'not-sent'
  return error
}

/**
 * Builds the authorization of a client: a cached, single-flight tenant access token for
 * `{ appId, appSecret }`, or the caller's token (a function is asked again after a rejection).
 * @see https://open.feishu.cn/document/server-docs/api-call-guide/calling-process/get-access-token
 */
export function createAuthorization(
  settings: FeishuSettings,
  http: HttpClient,
  baseURL: string,
  remember: (token: string) => void,
): Authorized {
  const source = settings.tenantAccessToken
  let cache: TokenCache
  if (source === undefined) {
    const { appId, appSecret } = settings as { appId: string; appSecret: string }
    cache = createTokenCache({
      key: `feishu:${baseURL}:${appId}`,
      fetch: () => fetchTenantAccessToken(http, { appId, appSecret }),
      ...(settings.tokenStore ? { store: settings.tokenStore } : {}),
      ...(settings.tokenMarginMs === undefined ? {} : { marginMs: settings.tokenMarginMs }),
      warn: (message) => http.warn(message),
    })
  } else {
    cache = {
      get: async () => ({
        value: typeof source === 'string' ? source : await source(),
        expiresAt: Infinity,
        refreshAt: Infinity,
      }),
      invalidate: async () => undefined,
    }
  }
  const guarded: TokenCache = {
    get: () =>
      cache.get().then(
        (token) => {
          remember(token.value)
          return token
        },
        (error: unknown) => Promise.reject(notSent(error)),
      ),
    invalidate: (rejected) => cache.invalidate(rejected),
  }
  const header = (token: CachedToken) => ({ authorization: `Bearer ${token.value}` })
  if (typeof source === 'string') return (attempt) => guarded.get().then((token) => attempt(header(token)))
  return (attempt) => withTokenRefresh(guarded, (token) => attempt(header(token)))
}

/**
 * What endpoint functions need from the client.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export interface FeishuContext {
  http: HttpClient
  authorized: Authorized
}
