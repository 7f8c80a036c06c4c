// Size budget app for @msg/core alone: one JSON POST through the transport and an envelope reader.
import { createCodeClassifier, createEnvelopeReader, createHttpClient } from '@msg/core'
import * as v from 'valibot'

const read = createEnvelopeReader({
  schema: v.object({ code: v.number(), msg: v.optional(v.string()), data: v.optional(v.unknown()) }),
  succeeded: (envelope) => envelope.code === 0,
  code: (envelope) => envelope.code,
  message: (envelope) => envelope.msg,
  classify: createCodeClassifier({}),
})
const http = createHttpClient({
  vendor: 'core',
  version: '0.1.0',
  defaultBaseURL: 'https://example.invalid',
  settings: {},
})
void http.send({
  operation: 'echo',
  path: '/echo',
  body: { text: 'hi' },
  read: (r, c) => read(r, c, v.unknown()),
})
