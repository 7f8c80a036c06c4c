import { type FetchedToken, type HttpClient, randomUuid } from '@msg/core'
import * as v from 'valibot'
import { readFxiaokeTokenEnvelope } from '../fxiaoke-envelope.js'

/**
 * `ea` and employee ids arrive as strings or numbers; they are always strings here.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export const fxiaokeId = v.pipe(v.union([v.string(), v.number()]), v.transform(String))

const tokenSchema = v.object({ accessToken: v.string(), ea: fxiaokeId, expiresIn: v.number() })

/**
 * The app credentials the token endpoints take.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export interface FxiaokeTokenRequest {
  appId: string
  appSecret: string
  permanentCode: string
}

/**
 * `POST /oauth2.0/token?thirdTraceId=…` (v2 client credentials): `{ accessToken, ea, expiresIn }`,
 * `expiresIn` being the remaining seconds. The `ea` travels with the cached token.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export async function requestAccessToken(
  http: HttpClient,
  credentials: FxiaokeTokenRequest,
): Promise<FetchedToken> {
  const token = await http.send({
    operation: 'oauth2.token',
    path: '/oauth2.0/token',
    query: () => ({ thirdTraceId: randomUuid() }),
    body: { ...credentials, grantType: 'app_secret' },
    // No message is sent: repeating after a timeout or 5xx is harmless.
    idempotent: true,
    read: (response, context) => readFxiaokeTokenEnvelope(response, context, tokenSchema, (e) => e),
  })
  return { value: token.accessToken, expiresInMs: token.expiresIn * 1000, extra: { ea: token.ea } }
}
