import {
  type CodeClass,
  createEnvelopeReader,
  type EndpointResult,
  type HttpResponse,
  type RequestContext,
  retryAfterFromHeaders,
} from '@msg/core'
import * as v from 'valibot'
import { classifyFeishuCode } from './feishu-error-codes.js'

/**
 * Feishu's reply envelope: `{ code, msg, data }`; newer gateways add `error: { log_id, … }`.
 * @see https://open.feishu.cn/document/server-docs/api-call-guide/generic-error-code
 */
export interface FeishuEnvelope {
  code: number
  msg?: string | undefined
  data?: unknown
  error?: unknown
}

const envelopeSchema = v.looseObject({
  code: v.number(),
  msg: v.optional(v.string()),
  error: v.optional(v.unknown()),
})

/** The request id of a reply: `X-Tt-Logid`, else `X-Request-Id`, else the body's `error.log_id`. */
export function feishuRequestId(response: HttpResponse, envelope?: unknown): string | undefined {
  const logId = ((envelope ?? response.body) as { error?: { log_id?: unknown } } | undefined)?.error?.log_id
  return (
    response.headers.get('x-tt-logid') ||
    response.headers.get('x-request-id') ||
    (typeof logId === 'string' && logId !== '' ? logId : undefined)
  )
}

function createReader(classify: (codeClass: CodeClass, status: number) => CodeClass) {
  return createEnvelopeReader<FeishuEnvelope>({
    schema: envelopeSchema,
    succeeded: (envelope) => envelope.code === 0,
    code: (envelope) => envelope.code,
    message: (envelope) => envelope.msg,
    classify: (code, _envelope, response) => classify(classifyFeishuCode(code), response.status),
    requestId: feishuRequestId,
    retryAfterMs: (response) =>
      retryAfterFromHeaders(response.headers, ['x-ogw-ratelimit-reset', 'retry-after']),
  })
}

const transientOnServerError = (codeClass: CodeClass, status: number): CodeClass =>
  status >= 500 && (codeClass === 'permanent' || codeClass === 'auth') ? 'transient' : codeClass

/**
 * Reads API replies: body parsed on every status, `code: 0` is success, a 5xx with an unlisted code is
 * transient (delivery unknown).
 */
export const readFeishuEnvelope = createReader(transientOnServerError)

/** Reads token-endpoint replies: every failure but rate limits and server faults is an `AuthError`. */
export const readTokenEnvelope = createReader((codeClass, status) => {
  const adjusted = transientOnServerError(codeClass, status)
  return adjusted === 'rate-limit' || adjusted === 'transient' ? adjusted : 'auth'
})

/** A transport `read` function: the envelope's `data`, validated, with the request id. */
export function readData<Data>(schema: v.GenericSchema<unknown, Data>) {
  return (response: HttpResponse, context: RequestContext): EndpointResult<Data> => ({
    data: readFeishuEnvelope(response, context, schema),
    requestId: feishuRequestId(response),
  })
}
