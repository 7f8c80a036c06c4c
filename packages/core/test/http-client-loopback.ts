// Shared by the createHttpClient tests that run against a real loopback server: one server per test
// file answering from a queue of steps (a `{code:0}` envelope when the queue is empty), recording
// every request it took in, and a Feishu-like client and send call pointed at it.
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createHttpClient } from '../src/index.js'
import { delay, serve } from '../src/testing/index.js'
import type { ServedHandler } from '../src/testing/serve.js'
import type { TransportSettings } from '../src/transport/transport-settings.js'
import { anyData } from './test-envelope.js'

/**
 * One answer of the loopback server.
 * @see @msg/core README.md#testing
 */
export type Step = (request: Request) => Promise<Response> | Response

/**
 * A JSON response, `content-type: application/json` unless `init` says otherwise.
 * @see @msg/core README.md#testing
 */
export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  })

/**
 * A successful envelope carrying `message_id: 'om_1'`.
 * @see @msg/core README.md#testing
 */
export const ok = () => json({ code: 0, data: { message_id: 'om_1' } })

/**
 * A step that answers {@link ok} after `ms` milliseconds.
 * @see @msg/core README.md#testing
 */
export const slow = (ms: number) => async () => {
  await delay(ms)
  return ok()
}

let server: ServedHandler
let steps: Step[] = []

/**
 * Every request the server took in during the running test, with its body and arrival time.
 * Emptied after every test.
 * @see @msg/core README.md#testing
 */
export const seen: { request: Request; body: string; at: number }[] = []

/**
 * Serves the loopback server for the calling test file; after every test the queue of steps and
 * {@link seen} are emptied.
 * @see @msg/core README.md#testing
 */
export function serveLoopback(): void {
  beforeAll(async () => {
    server = await serve(async (request) => {
      seen.push({ request, body: await request.clone().text(), at: Date.now() })
      const step = steps.shift()
      return step ? step(request) : ok()
    })
  })
  afterAll(() => server.close())
  afterEach(() => {
    steps = []
    seen.splice(0)
  })
}

/**
 * The server's next answers, in order (then {@link ok}).
 * @see @msg/core README.md#testing
 */
export function answer(...next: Step[]): void {
  steps = next
}

/**
 * A Feishu-like client of the loopback server (retry limit 2, backoff up to 20 ms) whose secret
 * redaction knows `secret`.
 * @see @msg/core README.md#transport-settings
 */
export function client(settings: TransportSettings = {}, secret = 'super-secret-token') {
  return createHttpClient({
    vendor: 'feishu',
    version: '9.9.9',
    defaultBaseURL: 'http://unused.invalid',
    settings: { baseURL: server.url, retry: { limit: 2, backoffLimit: 20 }, ...settings },
    secrets: () => [secret],
  })
}

/**
 * A text message send through `http`, a POST with a bearer token; `extra` overrides any part of it.
 * @see @msg/core README.md#vendor-packages
 */
export const send = (http: ReturnType<typeof client>, extra: Partial<Parameters<typeof http.send>[0]> = {}) =>
  http.send({
    operation: 'message.send',
    path: '/open-apis/message/v4/send/',
    headers: { authorization: 'Bearer super-secret-token' },
    body: { chat_id: 'oc_1', msg_type: 'text', content: { text: 'hi' } },
    read: anyData,
    ...extra,
  })
