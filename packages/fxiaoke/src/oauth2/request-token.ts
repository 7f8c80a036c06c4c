import { type FetchedToken, type HttpClient, randomUuid } from '@msg/core'
import type * as v from 'valibot'
import { readFxiaokeTokenEnvelope } from '../fxiaoke-envelope.js'

/** One token endpoint: where it is, what it takes, and which reply fields are the token and the `ea`. */
interface TokenEndpoint<Reply extends { expiresIn: number }> {
  operation: string
  path: string
  body: Record<string, unknown>
  schema: v.GenericSchema<unknown, Reply>
  token: (reply: Reply) => { value: string; ea: string }
}

/**
 * Calls a token endpoint (v2 or legacy): no client credentials on the request, a fresh `thirdTraceId`
 * per attempt, and repeated after a timeout or 5xx (no message is sent, so that is harmless). The
 * `ea` (`corpId` in legacy mode) travels with the cached token.
 */
export async function requestToken<Reply extends { expiresIn: number }>(
  http: HttpClient,
  endpoint: TokenEndpoint<Reply>,
): Promise<FetchedToken> {
  const reply = await http.send({
    operation: endpoint.operation,
    path: endpoint.path,
    query: () => ({ thirdTraceId: randomUuid() }),
    body: endpoint.body,
    auth: false,
    idempotent: true,
    read: (response, context) => readFxiaokeTokenEnvelope(response, context, endpoint.schema, (e) => e),
  })
  const { value, ea } = endpoint.token(reply)
  return { value, expiresInMs: reply.expiresIn * 1000, extra: { ea } }
}
