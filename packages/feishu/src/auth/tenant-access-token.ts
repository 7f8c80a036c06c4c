import { type FetchedToken, type HttpClient, nonEmptyText } from '@msg/core'
import * as v from 'valibot'
import { readTokenEnvelope } from '../feishu-envelope.js'

/** The token endpoint's path, identical on Feishu and Lark. */
export const tenantAccessTokenPath = '/open-apis/auth/v3/tenant_access_token/internal'

const tokenSchema = v.object({
  tenant_access_token: nonEmptyText,
  expire: v.number(),
})

/**
 * Fetches a self-built app's tenant access token, without credentials of its own (`auth: false`).
 * The reply has no `data` wrapper; `expire` is the remaining lifetime in seconds (not always 7200).
 * Failures are `AuthError` with Feishu's code. The request has no side effects, so 5xx and timeouts
 * are retried.
 * @see https://open.feishu.cn/document/server-docs/authentication-management/access-token/tenant_access_token_internal
 */
export function fetchTenantAccessToken(
  http: HttpClient,
  credentials: { appId: string; appSecret: string },
): Promise<FetchedToken> {
  return http.send({
    operation: 'auth.tenantAccessToken',
    path: tenantAccessTokenPath,
    auth: false,
    body: { app_id: credentials.appId, app_secret: credentials.appSecret },
    idempotent: true,
    read: (response, context) => {
      const token = readTokenEnvelope(response, context, tokenSchema, (envelope) => envelope)
      return { value: token.tenant_access_token, expiresInMs: token.expire * 1000 }
    },
  })
}
