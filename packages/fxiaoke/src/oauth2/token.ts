import type { FetchedToken, HttpClient } from '@msg/core'
import * as v from 'valibot'
import { requestToken } from './request-token.js'

/**
 * `ea` and employee ids arrive as strings or numbers; they are always strings here.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export const fxiaokeId = v.pipe(v.union([v.string(), v.number()]), v.transform(String))

/**
 * The app credentials the token endpoints take.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export interface FxiaokeTokenRequest {
  appId: string
  appSecret: string
  permanentCode: string
}

const tokenSchema = v.object({ accessToken: v.string(), ea: fxiaokeId, expiresIn: v.number() })

/**
 * `POST /oauth2.0/token?thirdTraceId=…` (v2 client credentials): `{ accessToken, ea, expiresIn }`,
 * `expiresIn` being the remaining seconds. The `ea` travels with the cached token.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export function requestAccessToken(
  http: HttpClient,
  credentials: FxiaokeTokenRequest,
): Promise<FetchedToken> {
  return requestToken(http, {
    operation: 'oauth2.token',
    path: '/oauth2.0/token',
    body: { ...credentials, grantType: 'app_secret' },
    schema: tokenSchema,
    token: (reply) => ({ value: reply.accessToken, ea: reply.ea }),
  })
}
