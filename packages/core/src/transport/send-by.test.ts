// `options.sendBy`: no request of a call leaves after it. Over a real loopback server, counting the
// requests that arrived.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anyData } from '../../test/test-envelope.js'
import { AuthError, createHttpClient, RateLimitError, TimeoutError, ValidationError } from '../index.js'
import { delay, serve } from '../testing/index.js'
import type { ServedHandler } from '../testing/serve.js'
import type { RequestAuth } from './request-auth.js'
import type { TransportSettings } from './transport-settings.js'

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  })

let server: ServedHandler
let answers: (() => Response)[] = []
let arrived = 0

beforeAll(async () => {
  server = await serve(async () => {
    arrived += 1
    return (answers.shift() ?? (() => json({ code: 0, data: { message_id: 'om_1' } })))()
  })
})
afterAll(() => server.close())
afterEach(() => {
  answers = []
  arrived = 0
})

function client(settings: TransportSettings = {}, auth?: RequestAuth) {
  return createHttpClient({
    vendor: 'feishu',
    version: '9.9.9',
    defaultBaseURL: 'http://unused.invalid',
    settings: { baseURL: server.url, retry: { limit: 2, backoffLimit: 2000 }, ...settings },
    ...(auth ? { auth } : {}),
  })
}

const send = (http: ReturnType<typeof client>, sendBy: number | undefined, idempotent = false) =>
  http.send({
    operation: 'message.send',
    path: '/open-apis/im/v1/messages',
    body: { text: 'hi' },
    read: anyData,
    idempotent,
    options: sendBy === undefined ? {} : { sendBy },
  })

/** Credentials whose every call after the first takes `slowMs`, and a refresh that takes as long. */
function slowAfterFirst(slowMs: number): RequestAuth {
  let calls = 0
  return {
    credentials: async () => {
      if (calls++ > 0) await delay(slowMs)
      return { headers: { authorization: 'Bearer t' }, token: 't' }
    },
    refresh: () => delay(slowMs),
  }
}

describe('options.sendBy', () => {
  it('sends nothing when the time has passed: a TimeoutError, not-sent, carrying sendBy', async () => {
    const requests: unknown[] = []
    const sendBy = Date.now() - 5
    const error = await send(client({ hooks: { request: (event) => requests.push(event) } }), sendBy).catch(
      (caught: unknown) => caught,
    )
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'not-sent', sendBy, timeoutMs: undefined, vendor: 'feishu' })
    expect((error as Error).message).toMatch(
      /^\[@msg\/feishu\] message\.send POST \/open-apis\/im\/v1\/messages: not sent, \d+ ms past its send-by time$/,
    )
    expect([arrived, requests.length]).toEqual([0, 0])
  })

  it('is checked after credentials: slow credentials make a send miss its time, and nothing leaves', async () => {
    const auth: RequestAuth = {
      credentials: async () => {
        await delay(60)
        return { headers: { authorization: 'Bearer t' }, token: 't' }
      },
    }
    const error = await send(client({}, auth), Date.now() + 20).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'TimeoutError', delivery: 'not-sent' })
    expect(arrived).toBe(0)
    // The same credentials with room to spare: sent.
    await expect(send(client({}, auth), Date.now() + 2000)).resolves.toEqual({ message_id: 'om_1' })
    expect(arrived).toBe(1)
  })

  it('makes no retry that could not leave in time: the call fails with the last answer', async () => {
    const limited = () => json({ code: 429001 }, { status: 429, headers: { 'retry-after': '1' } })
    answers = [limited]
    const error = await send(client(), Date.now() + 300).catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'not-sent' })
    expect(arrived).toBe(1)
    // Without sendBy the same answer is retried after its Retry-After.
    answers = [limited]
    await expect(send(client(), undefined)).resolves.toEqual({ message_id: 'om_1' })
    expect(arrived).toBe(3)
  })

  it('sends normally before the time, retries included', async () => {
    answers = [() => json({ code: 429001 }, { status: 429 })]
    await expect(send(client({ retry: { limit: 2, backoffLimit: 20 } }), Date.now() + 3000)).resolves.toEqual(
      {
        message_id: 'om_1',
      },
    )
    expect(arrived).toBe(2)
  })

  it('ends with what the vendor last said when a later request misses the time: a 429 stays a 429', async () => {
    answers = [() => json({ code: 429001 }, { status: 429 })]
    const error = await send(
      client({ retry: { limit: 2, backoffLimit: 1 } }, slowAfterFirst(80)),
      Date.now() + 40,
    ).catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect([arrived, (error as TimeoutError).sendBy]).toEqual([1, undefined])
  })

  it('ends with the rejection when the repeat after a token refresh misses the time', async () => {
    answers = [() => json({ code: 401001 }, { status: 401 })]
    const error = await send(client({}, slowAfterFirst(80)), Date.now() + 40).catch(
      (caught: unknown) => caught,
    )
    expect(AuthError.isInstance(error)).toBe(true)
    expect(arrived).toBe(1)
  })

  it('stays ambiguous when an earlier request may have arrived', async () => {
    answers = [() => json({ code: 500001 }, { status: 500 })]
    const error = await send(
      client({ retry: { limit: 2, backoffLimit: 1 } }, slowAfterFirst(80)),
      Date.now() + 40,
      true,
    ).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ delivery: 'unknown' })
    expect(TimeoutError.isInstance(error)).toBe(false)
    expect(arrived).toBe(1)
  })

  it('is checked again after a slow request hook, right before fetch', async () => {
    const busy = (ms: number) => {
      const end = Date.now() + ms
      while (Date.now() < end) {}
    }
    const error = await send(client({ hooks: { request: () => busy(40) } }), Date.now() + 15).catch(
      (caught: unknown) => caught,
    )
    expect(error).toMatchObject({ name: 'TimeoutError', delivery: 'not-sent' })
    expect(arrived).toBe(0)
  })

  it('refuses a sendBy that is not a finite number, before any request', async () => {
    const error = await send(client(), Number.NaN).catch((caught: unknown) => caught)
    expect(ValidationError.isInstance(error)).toBe(true)
    expect((error as ValidationError).issues).toEqual([
      { path: 'options.sendBy', message: 'must be a finite number (epoch ms)' },
    ])
    expect(arrived).toBe(0)
  })
})
