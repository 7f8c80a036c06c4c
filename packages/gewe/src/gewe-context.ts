import type { CallOptions, HttpClient } from '@msg/core'
import * as v from 'valibot'
import { readGeweEnvelope } from './gewe-envelope.js'
import type { Pacer } from './gewe-pacing.js'

/** What every endpoint function needs from its client. Internal. */
export interface GeweContext {
  http: HttpClient
  pacer: Pacer
  /** The `X-GEWE-TOKEN` header, resolved afresh for every attempt. */
  headers: () => Promise<Record<string, string>>
  /** The `content` rule, with this client's length limit. */
  content: v.GenericSchema<string, string>
  proxyIp: string | undefined
}

/** What an endpoint function returns internally: the data, and a request id (GeWe has none). */
export interface GeweResult<Data> {
  data: Data
  requestId: string | undefined
}

/** A required string field: present and not empty. */
export const requiredString = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))

/** A 64-bit id as an exact decimal string (unsafe integers already arrive as strings from core). */
export const exactId = v.pipe(
  v.union([v.string(), v.number()], 'must be an integer id'),
  v.transform(String),
  v.regex(/^-?\d+$/, 'must be an integer id'),
)

/**
 * Sends one GeWe call for `appId` through the pacer: POST `{base}{path}` with the body, never
 * marked idempotent (GeWe de-duplicates nothing), read through the `ret` envelope.
 */
export function sendPaced<Data>(
  context: GeweContext,
  request: { operation: string; path: string; appId: string; body: Record<string, unknown> },
  dataSchema: v.GenericSchema<unknown, Data>,
  options: CallOptions | undefined,
): Promise<GeweResult<Data>> {
  const { operation, path } = request
  return context.pacer.run(request.appId, `${operation} POST ${path}`, options?.signal, () =>
    context.http.send({
      operation,
      path,
      body: request.body,
      headers: context.headers,
      options,
      read: (response, requestContext) => ({
        data: readGeweEnvelope(response, requestContext, dataSchema),
        requestId: undefined,
      }),
    }),
  )
}
