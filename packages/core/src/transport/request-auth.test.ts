import { describe, expect, it } from 'vitest'
import { anyData } from '../../test/test-envelope.js'
import { withFallback } from '../channels/with-fallback.js'
import { AuthError } from '../errors/auth-error.js'
import { MsgError } from '../errors/msg-error.js'
import { NetworkError } from '../errors/network-error.js'
import { TimeoutError } from '../errors/timeout-error.js'
import { toFetch } from '../testing/faults.js'
import { createTokenCache } from '../tokens/token-cache.js'
import { createHttpClient } from './http-client.js'
import type { HttpRequest } from './http-request.js'
import { type RequestAuth, tokenAuth } from './request-auth.js'
import type { TransportSettings } from './transport-settings.js'

/** A vendor that accepts only `Bearer <valid>`; 401001 is its token-expired code. */
function vendor(valid: () => string) {
  const seen: { authorization: string | null; body: unknown }[] = []
  const fetch = toFetch(async (request) => {
    const text = await request.text()
    seen.push({
      authorization: request.headers.get('authorization'),
      body: text ? JSON.parse(text) : undefined,
    })
    const code = request.headers.get('authorization') === `Bearer ${valid()}` ? 0 : 401001
    return Response.json({ code, data: { message_id: 'om_1' } })
  })
  return { fetch, seen }
}

function tokens() {
  let calls = 0
  const fetch = async () => {
    calls++
    await new Promise((resolve) => setTimeout(resolve, 5))
    return { value: `token-${calls}`, expiresInMs: 7_200_000 }
  }
  return { fetch, calls: () => calls }
}

const bearer = (cache: ReturnType<typeof createTokenCache>) =>
  tokenAuth(cache, (token) => ({ headers: { authorization: `Bearer ${token.value}` } }))

function client(auth: RequestAuth, fetch: typeof globalThis.fetch, settings: TransportSettings = {}) {
  return createHttpClient({
    vendor: 'feishu',
    version: '0.0.0',
    defaultBaseURL: 'http://vendor.test',
    settings: { fetch, retry: { limit: 2, backoffLimit: 5 }, ...settings },
    auth,
  })
}

const request: HttpRequest<unknown> = {
  operation: 'message.send',
  path: '/send',
  body: { text: 'hi' },
  read: anyData,
}

describe('credentials per attempt', () => {
  it('refreshes a rejected token once, inside the attempt loop, and succeeds', async () => {
    const source = tokens()
    const cache = createTokenCache({ key: 'k', fetch: source.fetch })
    await cache.get()
    const remote = vendor(() => 'token-2')
    await expect(client(bearer(cache), remote.fetch).send(request)).resolves.toEqual({ message_id: 'om_1' })
    expect(remote.seen.map((entry) => entry.authorization)).toEqual(['Bearer token-1', 'Bearer token-2'])
    expect(source.calls()).toBe(2)
  })

  it('surfaces the AuthError when the refreshed token is rejected too: two requests, no more', async () => {
    const cache = createTokenCache({ key: 'k', fetch: tokens().fetch })
    const remote = vendor(() => 'never')
    const error = await client(bearer(cache), remote.fetch)
      .send(request)
      .catch((caught: unknown) => caught)
    expect(AuthError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ tokenRejected: true, delivery: 'not-sent' })
    expect(remote.seen).toHaveLength(2)
  })

  it('does not refresh on other auth failures', async () => {
    const source = tokens()
    const cache = createTokenCache({ key: 'k', fetch: source.fetch })
    const fetch = toFetch(async () => Response.json({ code: 401002, msg: 'wrong secret' }))
    const error = await client(bearer(cache), fetch)
      .send(request)
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'AuthError', tokenRejected: false })
    expect(source.calls()).toBe(1)
  })

  it('a token request that timed out ends the call not-sent, with no send request and the original untouched', async () => {
    const timeout = new TimeoutError({ vendor: 'feishu', message: 'token request timed out', timeoutMs: 10 })
    const cache = createTokenCache({ key: 'k', fetch: () => Promise.reject(timeout) })
    const remote = vendor(() => 'x')
    const error = await client(bearer(cache), remote.fetch)
      .send(request)
      .catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ vendor: 'feishu', delivery: 'not-sent', message: timeout.message })
    expect(timeout.delivery).toBe('unknown')
    expect(remote.seen).toHaveLength(0)
  })

  it.each([
    [
      'throws',
      () => {
        throw new Error('vault sealed')
      },
    ],
    ['rejects', () => Promise.reject(new Error('vault sealed'))],
    ['rejects with a non-error', () => Promise.reject('vault sealed')],
  ])(
    'a credential function that %s is a not-sent MsgError, and withFallback moves on',
    async (_, credentials) => {
      const remote = vendor(() => 'x')
      const http = client({ credentials } as RequestAuth, remote.fetch)
      const error = await http.send(request).catch((caught: unknown) => caught)
      expect(MsgError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ vendor: 'feishu', delivery: 'not-sent' })
      expect(String(error)).toContain('vault sealed')
      expect(remote.seen).toHaveLength(0)
      const next = { vendor: 'gewe', send: async () => ({ vendor: 'gewe', raw: 'sent' }) }
      const first = {
        vendor: 'feishu',
        send: () => http.send(request).then(() => ({ vendor: 'feishu', raw: 1 })),
      }
      await expect(withFallback([first, next]).send('hi')).resolves.toEqual({ vendor: 'gewe', raw: 'sent' })
    },
  )

  it('a failing refresh is not-sent too', async () => {
    const remote = vendor(() => 'never')
    const auth: RequestAuth = {
      credentials: () => ({ headers: { authorization: 'Bearer old' }, token: 'old' }),
      refresh: () => Promise.reject(new Error('store down')),
    }
    const error = await client(auth, remote.fetch)
      .send(request)
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ delivery: 'not-sent' })
    expect(remote.seen).toHaveLength(1)
  })

  it('makes one token request when 200 concurrent calls all hit an expired token', async () => {
    const source = tokens()
    const cache = createTokenCache({ key: 'k', fetch: source.fetch })
    await cache.get()
    const remote = vendor(() => 'token-2')
    const http = client(bearer(cache), remote.fetch)
    const results = await Promise.all(Array.from({ length: 200 }, () => http.send(request)))
    expect(results).toHaveLength(200)
    expect(source.calls()).toBe(2)
  })

  it('aborting while credentials are pending ends the call at once, not-sent', async () => {
    const remote = vendor(() => 'x')
    const controller = new AbortController()
    const http = client({ credentials: () => new Promise(() => {}) }, remote.fetch)
    const pending = http.send({ ...request, options: { signal: controller.signal } })
    controller.abort(new Error('shutting down'))
    const error = await pending.catch((caught: unknown) => caught)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'not-sent' })
    expect(remote.seen).toHaveLength(0)
  })

  it('merges credential body fields into the JSON body, and redacts the token from hooks', async () => {
    const remote = vendor(() => 'x')
    const events: unknown[] = []
    const auth: RequestAuth = {
      credentials: () => ({ body: { corpAccessToken: 'tok-secret-1' }, token: 'tok-secret-1' }),
    }
    const http = client(auth, remote.fetch, { hooks: { request: (event) => events.push(event) } })
    await http.send(request).catch(() => undefined)
    expect(remote.seen[0]?.body).toEqual({ corpAccessToken: 'tok-secret-1', text: 'hi' })
    expect(JSON.stringify(events)).not.toContain('tok-secret-1')
    expect(http.redact('token tok-secret-1 leaked')).toBe('token [redacted] leaked')
  })

  it('auth: false sends a request without the client credentials', async () => {
    const remote = vendor(() => 'x')
    const http = client({ credentials: () => ({ headers: { authorization: 'Bearer x' } }) }, remote.fetch)
    await http.send({ ...request, auth: false }).catch(() => undefined)
    expect(remote.seen).toHaveLength(1)
    expect(remote.seen[0]?.authorization).toBeNull()
  })

  it('awaits credentials that are a thenable from another promise library', async () => {
    const remote = vendor(() => 'x')
    const thenable = {
      // biome-ignore lint/suspicious/noThenProperty: a thenable from another promise library is the case under test
      then: (resolve: (value: unknown) => void) => resolve({ headers: { authorization: 'Bearer x' } }),
    }
    await client({ credentials: () => thenable as never }, remote.fetch).send(request)
    expect(remote.seen[0]?.authorization).toBe('Bearer x')
  })

  it('a header value fetch would refuse is a not-sent failure before any request, never retried', async () => {
    const remote = vendor(() => 'x')
    const http = client(
      { credentials: () => ({ headers: { authorization: 'Bearer x', 'x-operator': '张三' } }) },
      remote.fetch,
    )
    const error = await http.send({ ...request, idempotent: true }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ vendor: 'feishu', delivery: 'not-sent' })
    expect(NetworkError.isInstance(error)).toBe(false)
    expect(remote.seen).toHaveLength(0)
  })

  it('aborting while a refresh hangs ends the call at once', async () => {
    const remote = vendor(() => 'never')
    const controller = new AbortController()
    const auth: RequestAuth = {
      credentials: () => ({ headers: { authorization: 'Bearer old' }, token: 'old' }),
      refresh: () => {
        controller.abort(new Error('shutting down'))
        return new Promise(() => {})
      },
    }
    const error = await client(auth, remote.fetch)
      .send({ ...request, options: { signal: controller.signal } })
      .catch((caught: unknown) => caught)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'not-sent' })
    expect(remote.seen).toHaveLength(1)
  })

  it('sends the same body bytes on every attempt, even if the caller mutates the object meanwhile', async () => {
    const body = { text: 'first' }
    let calls = 0
    const bodies: string[] = []
    const fetch = toFetch(async (incoming) => {
      bodies.push(await incoming.text())
      body.text = 'mutated'
      return calls++ === 0
        ? new Response('{}', { status: 429 })
        : Response.json({ code: 0, data: { message_id: 'om_1' } })
    })
    const http = client({ credentials: () => ({}) }, fetch)
    await http.send({ ...request, body })
    expect(bodies).toEqual(['{"text":"first"}', '{"text":"first"}'])
  })
})
