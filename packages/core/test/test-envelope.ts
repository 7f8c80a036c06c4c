// A `{code,msg,data}` envelope like most vendors use, for core's own tests.
import * as v from 'valibot'
import { createCodeClassifier } from '../src/envelope/code-table.js'
import { createEnvelopeReader } from '../src/envelope/envelope-reader.js'
import type { HttpResponse, RequestContext } from '../src/transport/http-response.js'

const classify = createCodeClassifier(
  { token: [401001], auth: [401002], 'rate-limit': [429001], transient: [500001], permanent: [400001] },
  'permanent',
)

export const readTestEnvelope = createEnvelopeReader({
  schema: v.looseObject({ code: v.number(), msg: v.optional(v.string()), data: v.optional(v.unknown()) }),
  succeeded: (envelope) => envelope.code === 0,
  code: (envelope) => envelope.code,
  message: (envelope) => envelope.msg,
  classify: (code) => classify(code),
  requestId: (response) => response.headers.get('x-request-id') ?? undefined,
})

export const anyData = (response: HttpResponse, context: RequestContext) =>
  readTestEnvelope(response, context, v.unknown())
