import type { FetchedToken, HttpClient } from '@msg/core'
import * as v from 'valibot'
import { requestToken } from '../oauth2/request-token.js'
import { type FxiaokeTokenRequest, fxiaokeId } from '../oauth2/token.js'

const tokenSchema = v.object({ corpAccessToken: v.string(), corpId: fxiaokeId, expiresIn: v.number() })

/**
 * Legacy `POST /cgi/corpAccessToken/get/V2?thirdTraceId=…`: `{ corpAccessToken, corpId, expiresIn }`.
 * The `corpId` travels with the cached token (as `ea`).
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/old.html
 */
export function requestCorpAccessToken(
  http: HttpClient,
  credentials: FxiaokeTokenRequest,
): Promise<FetchedToken> {
  return requestToken(http, {
    operation: 'corpAccessToken.get',
    path: '/cgi/corpAccessToken/get/V2',
    body: { ...credentials },
    schema: tokenSchema,
    token: (reply) => ({ value: reply.corpAccessToken, ea: reply.corpId }),
  })
}
