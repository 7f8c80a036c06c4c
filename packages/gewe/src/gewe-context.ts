import type { CallOptions, EndpointResult, HttpClient } from '@msg/core'
import type * as v from 'valibot'
import { readGeweEnvelope } from './gewe-envelope.js'
import type { Pacer } from './gewe-pacing.js'

/** What every endpoint function needs from its client. Internal. */
export interface GeweContext {
  /** The transport, with `X-GEWE-TOKEN` credentials on every attempt. */
  http: HttpClient
  pacer: Pacer
  /** The `content` rule, with this client's length limit. */
  content: ContentRule
  proxyIp: string | undefined
  /** `thumbUrl` of the link card a `Notice` with a `url` becomes; without it a notice goes as text. */
  noticeThumbUrl: string | undefined
}

/** A rule for `content` strings. */
type ContentRule = v.GenericSchema<string, string>

/**
 * Wraps a builder of an input schema that depends on the client's `content` rule, so each client
 * builds it once (on its first call) rather than on every call.
 */
export function oncePerClient<Schema>(
  build: (content: ContentRule) => Schema,
): (context: GeweContext) => Schema {
  const built = new WeakMap<ContentRule, Schema>()
  return (context) => {
    let schema = built.get(context.content)
    if (schema === undefined) {
      schema = build(context.content)
      built.set(context.content, schema)
    }
    return schema
  }
}

/**
 * Sends one GeWe call for `appId` through the pacer: POST `{base}{path}` with the body, never
 * marked idempotent (GeWe de-duplicates nothing), read through the `ret` envelope. GeWe sends no
 * request id, so `requestId` is always `undefined`.
 */
export function sendPaced<Data>(
  context: GeweContext,
  request: { operation: string; path: string; appId: string; body: Record<string, unknown> },
  dataSchema: v.GenericSchema<unknown, Data>,
  options: CallOptions | undefined,
): Promise<EndpointResult<Data>> {
  const { operation, path } = request
  return context.pacer.run(request.appId, `${operation} POST ${path}`, options?.signal, () =>
    context.http.send({
      operation,
      path,
      body: request.body,
      options,
      read: (response, requestContext) => ({
        data: readGeweEnvelope(response, requestContext, dataSchema),
        requestId: undefined,
      }),
    }),
  )
}
