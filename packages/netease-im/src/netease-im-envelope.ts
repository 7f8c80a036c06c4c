import {
  AuthError,
  createEnvelopeReader,
  describeRequest,
  type HttpResponse,
  type RequestContext,
} from '@msg/core'
import * as v from 'valibot'
import { classifyNeteaseImCode, isSignatureRejection, successCode } from './netease-im-error-codes.js'

const envelopeSchema = v.looseObject({
  code: v.number(),
  msg: v.optional(v.string()),
  data: v.optional(v.unknown()),
})

/** NetEase's `{ code, msg, data }` envelope. */
export type NeteaseImEnvelope = v.InferOutput<typeof envelopeSchema>

/**
 * The envelope reader of one call: success only on `code: 200`, failures classified by the code
 * table, `requestId` = the call's `X-custom-traceid`, and 416 waiting `rateLimitWaitMs`.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export function createNeteaseImEnvelopeReader(options: { traceId: string; rateLimitWaitMs: number }) {
  return createEnvelopeReader({
    schema: envelopeSchema,
    succeeded: (envelope) => envelope.code === successCode,
    code: (envelope) => envelope.code,
    message: (envelope) => envelope.msg,
    classify: (code, envelope) =>
      code === 414 && isSignatureRejection(envelope.msg) ? 'auth' : classifyNeteaseImCode(code),
    requestId: () => options.traceId,
    retryAfterMs: (_response, envelope) => (envelope.code === 416 ? options.rateLimitWaitMs : undefined),
  })
}

/**
 * Rewrites a 414 signature rejection into an `AuthError` that says what to fix: the clock when the
 * server's `Date` header is more than a minute away from ours, otherwise the app secret or the clock.
 */
export function explainSignatureRejection(
  error: unknown,
  response: HttpResponse,
  context: RequestContext,
  clockOffsetMs: number,
): unknown {
  if (!AuthError.isInstance(error) || error.code !== 414) return error
  const serverTime = Date.parse(response.headers.get('date') ?? '')
  const skewSeconds = Math.round((Date.now() + clockOffsetMs - serverTime) / 1000)
  const hint =
    Math.abs(skewSeconds) > 60
      ? `clock skew: this machine's clock is ${Math.abs(skewSeconds)} s ${skewSeconds > 0 ? 'ahead of' : 'behind'} NetEase's; sync it (NTP) or set clockOffsetMs`
      : 'check appSecret and the clock'
  return new AuthError({
    vendor: error.vendor,
    message: `${describeRequest(context)}: vendor code 414 (${error.vendorMessage}): CheckSum rejected (valid 5 minutes from CurTime), ${hint}`,
    code: 414,
    status: error.status,
    requestId: error.requestId,
    vendorMessage: error.vendorMessage,
  })
}
