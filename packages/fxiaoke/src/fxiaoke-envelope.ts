import { createEnvelopeReader, type EnvelopeSpec } from '@msg/core'
import * as v from 'valibot'
import { classifyFxiaokeCode } from './fxiaoke-error-codes.js'

const envelopeSchema = v.looseObject({
  errorCode: v.number(),
  errorMessage: v.optional(v.string()),
  error_description: v.optional(v.string()),
  traceId: v.optional(v.string()),
})

/**
 * Every Fxiaoke reply: `{ errorCode, errorMessage, traceId, ...fields }` at the top level, HTTP 200.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export type FxiaokeEnvelope = v.InferOutput<typeof envelopeSchema>

const spec: EnvelopeSpec<FxiaokeEnvelope> = {
  schema: envelopeSchema,
  succeeded: (envelope) => envelope.errorCode === 0,
  code: (envelope) => envelope.errorCode,
  message: (envelope) => envelope.errorMessage ?? envelope.error_description,
  classify: (code) => classifyFxiaokeCode(code),
  requestId: (_response, envelope) => envelope?.traceId,
}

/**
 * Reads a Fxiaoke reply: success iff `errorCode === 0`, failures by the code table; `requestId` is
 * the reply's `traceId`. The data is the envelope itself (Fxiaoke has no `data` wrapper).
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/guide/codes.html
 */
export const readFxiaokeEnvelope = createEnvelopeReader(spec)

/**
 * The token endpoint's reader: a token-class code there means bad credentials (fake v2 credentials
 * get 20016), so it is an `AuthError` without a refresh.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export const readFxiaokeTokenEnvelope = createEnvelopeReader({
  ...spec,
  classify: (code) => {
    const codeClass = classifyFxiaokeCode(code)
    return codeClass === 'token' ? 'auth' : codeClass
  },
})
