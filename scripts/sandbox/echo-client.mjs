/**
 * A minimal client built only from `@msg/core` against the echo handler: the transport, the
 * envelope reader and exact JSON, without any vendor package. The modules come in as arguments
 * so the same code runs from ESM imports, `require()` and a browser bundle.
 * @param {typeof import('@msg/core')} core
 * @param {typeof import('valibot')} valibot
 * @param {string} baseURL where the echo handler is served
 */
export function createEchoClient(core, valibot, baseURL) {
  const v = valibot
  const readEnvelope = core.createEnvelopeReader({
    schema: v.object({ code: v.number(), msg: v.optional(v.string()), data: v.optional(v.unknown()) }),
    succeeded: (envelope) => envelope.code === 0,
    code: (envelope) => envelope.code,
    message: (envelope) => envelope.msg,
    classify: core.createCodeClassifier({ auth: [401], 'rate-limit': [429] }),
    requestId: (response) => response.headers.get('x-request-id') ?? undefined,
  })
  const dataSchema = v.object({ id: v.string(), echo: v.unknown() })
  const http = core.createHttpClient({
    vendor: 'core',
    version: '0.0.0',
    defaultBaseURL: baseURL,
    settings: { retry: 0 },
  })
  return {
    /**
     * Posts `body`; a `code` other than 0 makes the handler refuse with that code.
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
