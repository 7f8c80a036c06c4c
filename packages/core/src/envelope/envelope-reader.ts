import * as v from 'valibot'
import { AuthError } from '../errors/auth-error.js'
import type { MsgError } from '../errors/msg-error.js'
import { RateLimitError } from '../errors/rate-limit-error.js'
import { ResponseError } from '../errors/response-error.js'
import { VendorError } from '../errors/vendor-error.js'
import { redactValue } from '../redaction/redact.js'
import { describeRequest, type HttpResponse, type RequestContext } from '../transport/http-response.js'
import { retryAfterFromHeaders } from '../transport/retry-after.js'
import type { CodeClass } from './code-table.js'

/** What a vendor tells core about its envelope (`{code,msg,data}`, `{ret,msg,data}`, …). */
export interface EnvelopeSpec<Envelope> {
  /** The minimal envelope shape; anything else is a `ResponseError`. */
  schema: v.GenericSchema<unknown, Envelope>
  succeeded: (envelope: Envelope) => boolean
  code: (envelope: Envelope) => number | string | undefined
  message: (envelope: Envelope) => string | undefined
  classify: (code: number | string | undefined, envelope: Envelope, response: HttpResponse) => CodeClass
  /** A request id from headers or body, for support tickets. */
  requestId?: (response: HttpResponse, envelope: Envelope | undefined) => string | undefined
  /** Structured details worth keeping on the error (redacted for you). */
  details?: (envelope: Envelope) => Record<string, unknown> | undefined
  /** How long a rate-limited caller should wait. Default: the `Retry-After` header. */
  retryAfterMs?: (response: HttpResponse, envelope: Envelope) => number | undefined
}

/** Reads an envelope into validated data, or throws the error class the code table calls for. */
export type EnvelopeReader<Envelope> = <Data>(
  response: HttpResponse,
  context: RequestContext,
  dataSchema: v.GenericSchema<unknown, Data>,
  pick?: (envelope: Envelope) => unknown,
) => Data

function deliveryForStatus(status: number): 'not-sent' | 'unknown' {
  return status >= 400 && status < 500 && status !== 408 ? 'not-sent' : 'unknown'
}

/**
 * Creates a vendor's envelope reader: it reads the body on every HTTP status, decides success by
 * the vendor's own code only, classifies failures by the vendor's table, and validates the data.
 * @see @msg/core README.md#envelopes
 */
export function createEnvelopeReader<Envelope>(spec: EnvelopeSpec<Envelope>): EnvelopeReader<Envelope> {
  return (response, context, dataSchema, pick = (envelope) => (envelope as { data?: unknown }).data) => {
    const where = describeRequest(context)
    const { vendor } = context
    const parsed = response.malformed ? undefined : v.safeParse(spec.schema, response.body)
    if (!parsed?.success) {
      const requestId = spec.requestId?.(response, undefined)
      if (response.status === 429) {
        throw new RateLimitError({
          vendor,
          message: `${where}: HTTP 429 rate limited`,
          code: undefined,
          status: 429,
          requestId,
          retryAfterMs: retryAfterFromHeaders(response.headers),
        })
      }
      const snippet = context.redact(response.text.slice(0, 120).replace(/\s+/g, ' '))
      throw new ResponseError({
        vendor,
        message: `${where}: HTTP ${response.status} with ${response.malformed ? 'a body that is not JSON' : 'an unexpected JSON shape'}: ${snippet}`,
        status: response.status,
        delivery: deliveryForStatus(response.status),
      })
    }
    const envelope = parsed.output
    if (spec.succeeded(envelope)) {
      const data = v.safeParse(dataSchema, pick(envelope))
      if (data.success) return data.output
      const issue = data.issues[0]
      const path = issue?.path?.map((item) => String((item as { key: unknown }).key)).join('.') ?? '(data)'
      throw new ResponseError({
        vendor,
        message: `${where}: success reply with unexpected data at ${path}: ${issue?.message ?? ''}`,
        status: response.status,
        delivery: 'unknown',
      })
    }
    throw failureFor(spec, envelope, response, context)
  }
}

function failureFor<Envelope>(
  spec: EnvelopeSpec<Envelope>,
  envelope: Envelope,
  response: HttpResponse,
  context: RequestContext,
): MsgError {
  const code = spec.code(envelope)
  const rawMessage = spec.message(envelope)
  const vendorMessage = rawMessage === undefined ? undefined : context.redact(rawMessage)
  const codeClass = spec.classify(code, envelope, response)
  const common = {
    vendor: context.vendor,
    message: `${describeRequest(context)}: vendor code ${String(code)}${vendorMessage ? ` (${vendorMessage})` : ''}`,
    code,
    status: response.status,
    requestId: spec.requestId?.(response, envelope),
    vendorMessage,
    details: redactValue(spec.details?.(envelope), context.redact) as Record<string, unknown> | undefined,
  }
  switch (codeClass) {
    case 'token':
    case 'auth':
      return new AuthError({ ...common, tokenRejected: codeClass === 'token' })
    case 'rate-limit':
      return new RateLimitError({
        ...common,
        retryAfterMs: spec.retryAfterMs
          ? spec.retryAfterMs(response, envelope)
          : retryAfterFromHeaders(response.headers),
      })
    case 'transient':
      return new VendorError({ ...common, retryable: true, delivery: 'unknown' })
    default:
      return new VendorError({ ...common, retryable: false, delivery: 'not-sent' })
  }
}
