// End-to-end demo of @msg/core against a local fake vendor on 127.0.0.1 (run: pnpm start).
// It uses the built package, a real HTTP server, the real transport, envelopes and token cache.
import * as v from 'valibot'
import {
  createCodeClassifier,
  createEnvelopeReader,
  createHttpClient,
  createTokenCache,
  MsgError,
  tokenAuth,
  validateInput,
  withFallback,
} from '../dist/index.js'
import { serve } from '../dist/testing/index.js'

let issuedTokens = 0
let nextId = 243683914400108297n
let rateLimitOnce = true
const fake = await serve(async (request) => {
  const url = new URL(request.url)
  if (url.pathname === '/token') {
    issuedTokens++
    return Response.json({ code: 0, token: `t-${issuedTokens}`, expire: 7200 })
  }
  if (request.headers.get('authorization') !== `Bearer t-${issuedTokens}`) return Response.json({ code: 401 })
  if (rateLimitOnce) {
    rateLimitOnce = false
    return Response.json({ code: 429, msg: 'slow down' }, { status: 429, headers: { 'retry-after': '0.2' } })
  }
  const body = await request.json()
  nextId += 1n
  // A 64-bit id as a raw JSON number: JSON.parse would lose its last digits.
  return new Response(`{"code":0,"data":{"id":${nextId},"text":${JSON.stringify(body.text)}}}`, {
    headers: { 'content-type': 'application/json' },
  })
})

const classify = createCodeClassifier({ token: [401], 'rate-limit': [429] })
const read = createEnvelopeReader({
  schema: v.looseObject({ code: v.number(), msg: v.optional(v.string()) }),
  succeeded: (envelope) => envelope.code === 0,
  code: (envelope) => envelope.code,
  message: (envelope) => envelope.msg,
  classify,
})
const tokens = createTokenCache({
  key: `${fake.url}|demo-app`,
  fetch: () =>
    http.send({
      operation: 'token',
      path: '/token',
      auth: false,
      body: {},
      read: (response, context) => {
        const data = read(response, context, v.object({ token: v.string(), expire: v.number() }), (e) => e)
        return { value: data.token, expiresInMs: data.expire * 1000 }
      },
    }),
})
// Every attempt carries the cached token; a token-expired code makes the transport refresh it once.
const http = createHttpClient({
  vendor: 'core',
  version: 'demo',
  defaultBaseURL: fake.url,
  settings: {},
  auth: tokenAuth(tokens, (token) => ({ headers: { authorization: `Bearer ${token.value}` } })),
})
const sendSchema = v.object({ text: v.pipe(v.string(), v.minLength(1, 'text must not be empty')) })

async function send(text) {
  const input = validateInput(sendSchema, { text }, { vendor: 'core', operation: 'demo.send' })
  return http.send({
    operation: 'demo.send',
    path: '/messages',
    body: input,
    read: (response, context) => read(response, context, v.object({ id: v.string(), text: v.string() })),
  })
}

const sentMessages = await Promise.all([send('hello'), send('again'), send('and again')])
for (const message of sentMessages)
  console.log(`sent ${JSON.stringify(message.text)} as exact id ${message.id}`)
console.log(`token requests for 3 concurrent sends: ${issuedTokens} (one 429 retried after Retry-After)`)

try {
  await send('')
} catch (error) {
  console.log(`bad input refused before sending: ${error.name}: ${error.message}`)
}

const broken = {
  vendor: 'core',
  send: () => Promise.reject(new MsgError({ vendor: 'core', message: 'down', delivery: 'not-sent' })),
}
const working = {
  vendor: 'core',
  send: async (text) => ({ vendor: 'core', messageId: (await send(text)).id, raw: {} }),
}
const viaFallback = await withFallback([broken, working]).send('via fallback')
console.log(`withFallback skipped a not-sent failure and sent id ${viaFallback.messageId}`)

await fake.close()
