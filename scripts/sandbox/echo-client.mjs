import { createCodeClassifier, createEnvelopeReader, createHttpClient } from '@msg/core'
import * as v from 'valibot'

const envelopeSchema = v.object({
  code: v.number(),
  msg: v.optional(v.string()),
  data: v.optional(v.unknown()),
})
const dataSchema = v.object({ id: v.string(), echo: v.unknown() })

const readEnvelope = createEnvelopeReader({
  schema: envelopeSchema,
  succeeded: (envelope) => envelope.code === 0,
  code: (envelope) => envelope.code,
  message: (envelope) => envelope.msg,
  classify: createCodeClassifier({ auth: [401], 'rate-limit': [429] }),
  requestId: (response) => response.headers.get('x-request-id') ?? undefined,
})

/**
 * A minimal client built only from `@msg/core` against the echo handler: the transport, the
 * envelope reader and exact JSON, without any vendor package.
 * @param {string} baseURL where the echo handler is served
 */
export function createEchoClient(baseURL) {
  const http = createHttpClient({
    vendor: 'core',
    version: '0.0.0',
    defaultBaseURL: baseURL,
    settings: { retry: 0 },
  })
  return {
    /**
     * Posts `body`; `code` other than 0 makes the handler refuse.
     * @param {unknown} body
     * @param {number} [code]
     */
    post(body, code = 0) {
      return http.send({
        operation: 'echo.post',
        path: '/echo',
        query: () => (code === 0 ? {} : { code: String(code) }),
        body,
        read: (response, context) => readEnvelope(response, context, dataSchema),
      })
    },
  }
}
