import { createServer } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { anyData } from '../../test/test-envelope.js'
import {
  createHttpClient,
  MsgError,
  NetworkError,
  RateLimitError,
  ResponseError,
  TimeoutError,
  VendorError,
} from '../index.js'
import { delay, dropConnection, htmlResponse, serve } from '../testing/index.js'
import type { ServedHandler } from '../testing/serve.js'
import type { TransportSettings } from './transport-settings.js'

type Step = (request: Request) => Promise<Response> | Response
const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  })
const ok = () => json({ code: 0, data: { message_id: 'om_1' } })
const slow = (ms: number) => async () => {
  await delay(ms)
  return ok()
}

let server: ServedHandler
let steps: Step[] = []
let seen: { request: Request; body: string; at: number }[] = []

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
  seen = []
})

function client(settings: TransportSettings = {}, secret = 'super-secret-token') {
  return createHttpClient({
    vendor: 'feishu',
    version: '9.9.9',
    defaultBaseURL: 'http://unused.invalid',
    settings: { baseURL: server.url, retry: { limit: 2, backoffLimit: 20 }, ...settings },
    secrets: () => [secret],
  })
}

const send = (http: ReturnType<typeof client>, extra: Partial<Parameters<typeof http.send>[0]> = {}) =>
  http.send({
    operation: 'message.send',
    path: '/open-apis/message/v4/send/',
    headers: { authorization: 'Bearer super-secret-token' },
    body: { chat_id: 'oc_1', msg_type: 'text', content: { text: 'hi' } },
    read: anyData,
    ...extra,
  })

describe('createHttpClient against a real loopback server', () => {
  it('sends the body, headers and user agent, and returns the data', async () => {
    await expect(send(client())).resolves.toEqual({ message_id: 'om_1' })
    expect(seen).toHaveLength(1)
    const [{ request, body }] = seen as [(typeof seen)[0]]
    expect(new URL(request.url).pathname).toBe('/open-apis/message/v4/send/')
    expect(request.method).toBe('POST')
    expect(request.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(request.headers.get('authorization')).toBe('Bearer super-secret-token')
    expect(request.headers.get('user-agent')).toBe('msg-feishu/9.9.9')
    expect(JSON.parse(body)).toEqual({ chat_id: 'oc_1', msg_type: 'text', content: { text: 'hi' } })
  })

  it('computes query and credentials afresh for every attempt', async () => {
    steps = [() => json({ code: 429001 }, { status: 429 }), ok]
    let counter = 0
    let signed = 0
    await send(client(), {
      query: () => ({ thirdTraceId: `trace-${++counter}` }),
      auth: { credentials: () => ({ headers: { 'x-attempt': String(signed++) } }) },
    })
    expect(seen.map((entry) => new URL(entry.request.url).searchParams.get('thirdTraceId'))).toEqual([
      'trace-1',
      'trace-2',
    ])
    expect(seen.map((entry) => entry.request.headers.get('x-attempt'))).toEqual(['0', '1'])
  })

  it('does not resend a non-idempotent POST after a 500', async () => {
    steps = [() => htmlResponse(500), ok]
    const error = await send(client()).catch((caught: unknown) => caught)
    expect(ResponseError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 500, delivery: 'unknown' })
    expect(seen).toHaveLength(1)
  })

  it('does not resend a non-idempotent POST after a transient vendor code', async () => {
    steps = [() => json({ code: 500001, msg: 'internal' }), ok]
    await expect(send(client())).rejects.toMatchObject({
      name: 'VendorError',
      delivery: 'unknown',
      retryable: true,
    })
    expect(seen).toHaveLength(1)
  })

  it('does not resend a non-idempotent POST after a timeout', async () => {
    steps = [slow(400)]
    const error = await send(client({ timeout: 100 })).catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'unknown', timeoutMs: 100 })
    await delay(400)
    expect(seen).toHaveLength(1)
  })

  it('times out even when a custom fetch ignores the abort signal', async () => {
    const ignoring: typeof globalThis.fetch = () => new Promise<Response>(() => {})
    const started = Date.now()
    const error = await send(client({ timeout: 100, fetch: ignoring })).catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('retries an idempotent request after 5xx and timeouts, within the budget', async () => {
    steps = [() => htmlResponse(502), slow(300), ok]
    await expect(send(client({ timeout: 100 }), { idempotent: true })).resolves.toEqual({
      message_id: 'om_1',
    })
    expect(seen).toHaveLength(3)
    const bodies = new Set(seen.map((entry) => entry.body))
    expect(bodies.size).toBe(1)
  })

  it('stops at the budget and reports the last failure', async () => {
    steps = [() => htmlResponse(503), () => htmlResponse(503), () => htmlResponse(503), ok]
    await expect(send(client(), { idempotent: true })).rejects.toMatchObject({
      name: 'ResponseError',
      status: 503,
    })
    expect(seen).toHaveLength(3)
  })

  it('retries after 429 honouring Retry-After', async () => {
    steps = [() => json({ code: 429001 }, { status: 429, headers: { 'retry-after': '1' } }), ok]
    const started = Date.now()
    await expect(send(client())).resolves.toEqual({ message_id: 'om_1' })
    expect(seen).toHaveLength(2)
    const waited = (seen[1] as (typeof seen)[0]).at - (seen[0] as (typeof seen)[0]).at
    expect(waited).toBeGreaterThanOrEqual(950)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })

  it('gives up at once when the vendor asks for a wait beyond maxRetryAfter', async () => {
    steps = [() => json({ code: 429001 }, { status: 429, headers: { 'retry-after': '120' } }), ok]
    const error = await send(client({ retry: { maxRetryAfter: 1000 } })).catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ retryAfterMs: 120_000, delivery: 'not-sent' })
    expect(seen).toHaveLength(1)
  })

  it('retries a rate-limit code with backoff, and not beyond the budget', async () => {
    steps = [() => json({ code: 429001 }), () => json({ code: 429001 }), () => json({ code: 429001 }), ok]
    await expect(send(client())).rejects.toBeInstanceOf(RateLimitError)
    expect(seen).toHaveLength(3)
  })

  it('marks delivery unknown when an earlier attempt was ambiguous', async () => {
    steps = [
      () => htmlResponse(502),
      () => json({ code: 429001 }, { status: 429, headers: { 'retry-after': '600' } }),
    ]
    await expect(send(client(), { idempotent: true })).rejects.toMatchObject({
      name: 'RateLimitError',
      delivery: 'unknown',
    })
  })

  it('stops waiting at once when the caller aborts during a backoff wait', async () => {
    steps = [() => json({ code: 429001 }, { status: 429, headers: { 'retry-after': '30' } }), ok]
    const controller = new AbortController()
    const started = Date.now()
    const pending = send(client(), { options: { signal: controller.signal } })
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    await delay(50)
    controller.abort()
    const error = await pending.catch((caught: unknown) => caught)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'not-sent' })
    expect((error as Error).message).toContain('aborted by the caller')
    expect(seen).toHaveLength(1)
  })

  it('reports an abort while the request is in flight as delivery unknown', async () => {
    steps = [slow(500)]
    const controller = new AbortController()
    const pending = send(client(), { options: { signal: controller.signal } })
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'NetworkError', delivery: 'unknown' })
  })

  it('reports a refused connection (nothing was written) as not-sent, naming the cause', async () => {
    const port = await freePort()
    const http = createHttpClient({
      vendor: 'gewe',
      version: '1.0.0',
      defaultBaseURL: `http://127.0.0.1:${port}`,
      settings: { retry: { limit: 2, backoffLimit: 5 } },
    })
    const error = await send(http as ReturnType<typeof client>, {}).catch((caught: unknown) => caught)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'not-sent' })
    expect((error as Error).message).toContain('connection failed before sending')
  })

  it('counts three attempts for a refused connection through a custom fetch read at call time', async () => {
    const port = await freePort()
    const calls: string[] = []
    const settings: TransportSettings = {
      baseURL: `http://127.0.0.1:${port}`,
      retry: { limit: 2, backoffLimit: 5 },
    }
    const http = createHttpClient({
      vendor: 'gewe',
      version: '1',
      defaultBaseURL: 'http://x.invalid',
      settings,
    })
    settings.fetch = (input, init) => {
      calls.push(String(input instanceof Request ? input.url : input))
      return globalThis.fetch(input, init)
    }
    await expect(send(http as ReturnType<typeof client>)).rejects.toMatchObject({ delivery: 'not-sent' })
    expect(calls).toHaveLength(3)
  })

  it('does not resend after the connection drops mid-response', async () => {
    steps = [() => dropConnection('mid-response'), ok]
    const error = await send(client()).catch((caught: unknown) => caught)
    expect(MsgError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'unknown' })
    expect(seen).toHaveLength(1)
  })

  it('does not resend after a reset before any response', async () => {
    steps = [() => dropConnection('before-response'), ok]
    await expect(send(client())).rejects.toMatchObject({ name: 'NetworkError', delivery: 'unknown' })
    expect(seen).toHaveLength(1)
  })

  it('converts every failure into the error family, and hooks see only redacted data', async () => {
    const events: unknown[] = []
    const http = client({
      hooks: {
        request: (event) => events.push(event),
        response: (event) => events.push(event),
        error: (event) => events.push(event),
      },
    })
    steps = [() => json({ code: 400001, msg: 'token super-secret-token invalid' })]
    const error = await send(http).catch((caught: unknown) => caught)
    expect(VendorError.isInstance(error)).toBe(true)
    const dump = JSON.stringify(events) + String(error) + JSON.stringify(error)
    expect(dump).not.toContain('super-secret-token')
    expect(events).toHaveLength(3)
    expect(events[0]).toMatchObject({
      operation: 'message.send',
      attempt: 0,
      headers: { authorization: '[redacted]' },
    })
    expect(events[1]).toMatchObject({ status: 200, body: { code: 400001 } })
  })

  it('survives a throwing hook and reports warnings through the warning hook', async () => {
    const warnings: string[] = []
    const http = client({
      hooks: {
        request: () => {
          throw new Error('observer bug')
        },
        warning: (event) => warnings.push(event.message),
      },
    })
    await expect(send(http)).resolves.toEqual({ message_id: 'om_1' })
    http.warn('store down: super-secret-token')
    expect(warnings).toEqual(['[@msg/feishu] store down: [redacted]'])
  })

  it('wraps a failure to prepare the request as not-sent', async () => {
    const error = await send(client(), {
      auth: {
        credentials: () => {
          throw new Error('signing failed')
        },
      },
    }).catch((caught: unknown) => caught)
    expect(MsgError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ vendor: 'feishu', delivery: 'not-sent' })
    expect(String(error)).toContain(
      'message.send POST /open-apis/message/v4/send/: nothing was sent: signing failed',
    )
    expect(seen).toHaveLength(0)
  })

  it('wraps a body that cannot be serialised as not-sent', async () => {
    const error = await send(client(), { body: { big: 1n } }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ vendor: 'feishu', delivery: 'not-sent' })
    expect(seen).toHaveLength(0)
  })
})

describe('createHttpClient with a FormData body', () => {
  const form = () => {
    const body = new FormData()
    body.append('image_type', 'message')
    body.append('image', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), '图片.png')
    return body
  }

  it('passes it to fetch untouched: the runtime writes the multipart body and its boundary', async () => {
    const requests: unknown[] = []
    const data = await send(client({ hooks: { request: (event) => requests.push(event.body) } }), {
      body: form(),
    })
    expect(data).toEqual({ message_id: 'om_1' })
    const [{ request, body }] = seen as [(typeof seen)[0]]
    expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=\S+$/)
    const boundary = request.headers.get('content-type')?.split('boundary=')[1]
    expect(body.startsWith(`--${boundary}\r\n`)).toBe(true)
    expect(body).toContain('name="image"; filename="图片.png"')
    const parsed = await new Request('http://x', {
      method: 'POST',
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      body,
    }).formData()
    expect(parsed.get('image_type')).toBe('message')
    expect(await (parsed.get('image') as Blob).arrayBuffer()).toEqual(new Uint8Array([1, 2, 3]).buffer)
    expect(requests).toEqual([
      { image_type: 'message', image: { fileName: '图片.png', type: 'image/png', size: 3 } },
    ])
  })

  it('is not resent after a 500 unless the request is idempotent', async () => {
    steps = [() => htmlResponse(500), ok]
    const error = await send(client(), { body: form() }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 500, delivery: 'unknown' })
    expect(seen).toHaveLength(1)
  })

  it('is sent whole again when a retry is safe (a rate limit)', async () => {
    steps = [() => json({ code: 429001 }, { status: 429, headers: { 'retry-after': '0' } }), ok]
    await send(client(), { body: form() })
    expect(seen).toHaveLength(2)
    expect(seen[1]?.body.replace(/-{2,}\S+/g, '')).toBe(seen[0]?.body.replace(/-{2,}\S+/g, ''))
  })

  it('refuses credentials that would add body fields, sending nothing', async () => {
    const error = await send(client(), {
      body: form(),
      auth: { credentials: () => ({ body: { access_token: 'x' } }) },
    }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ delivery: 'not-sent' })
    expect(seen).toHaveLength(0)
  })
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}
