import { type FetchedToken, type HttpClient, randomUuid } from '@msg/core'
import * as v from 'valibot'
import { readFxiaokeTokenEnvelope } from '../fxiaoke-envelope.js'
import { type FxiaokeTokenRequest, fxiaokeId } from '../oauth2/token.js'

const tokenSchema = v.object({ corpAccessToken: v.string(), corpId: fxiaokeId, expiresIn: v.number() })

/**
 * Legacy `POST /cgi/corpAccessToken/get/V2?thirdTraceId=…`: `{ corpAccessToken, corpId, expiresIn }`.
 * The `corpId` travels with the cached token (as `ea`).
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/old.html
 */
export async function requestCorpAccessToken(
  http: HttpClient,
  credentials: FxiaokeTokenRequest,
): Promise<FetchedToken> {
  const token = await http.send({
    operation: 'corpAccessToken.get',
    path: '/cgi/corpAccessToken/get/V2',
    query: () => ({ thirdTraceId: randomUuid() }),
    body: credentials,
    idempotent: true,
    read: (response, context) => readFxiaokeTokenEnvelope(response, context, tokenSchema, (e) => e),
  })
  return { value: token.corpAccessToken, expiresInMs: token.expiresIn * 1000, extra: { ea: token.corpId } }
}
