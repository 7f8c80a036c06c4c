import { createServer } from 'node:net'
import { AuthError, MsgError, NetworkError, type TextChannel, type TokenStore, withFallback } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createFxiaoke } from './fxiaoke-client.js'
import type { FxiaokeSettings } from './fxiaoke-settings.js'
import { createFxiaokeFake, type FxiaokeFake } from './testing/index.js'

const credentials = {
  appId: 'FSAID_fake',
  appSecret: 'fake-app-secret',
  permanentCode: 'fake-permanent-code',
  userId: '1000',
}
const target = { toUser: ['1001'] }
const tokenPaths = ['/oauth2.0/token', '/cgi/corpAccessToken/get/V2']
const onTokenPath = (request: Request) => tokenPaths.includes(new URL(request.url).pathname)
const sends = (fake: FxiaokeFake) => fake.requests.filter((request) => request.path === '/cgi/message/send')

/** A token store whose every call fails, as an unreachable Redis does. */
const brokenStore: TokenStore = {
  get: () => Promise.reject(new Error('store down')),
  set: () => Promise.reject(new Error('store down')),
  delete: () => Promise.reject(new Error('store down')),
}

/** A port nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return typeof address === 'object' && address ? address.port : 0
}

async function failure(promise: Promise<unknown>): Promise<MsgError> {
  const error = await promise.then(
    () => expect.fail('expected a failure'),
    (caught: unknown) => caught,
  )
  expect(MsgError.isInstance(error)).toBe(true)
  return error as MsgError
}

/** Checks the credential failure contract: not sent, nothing sent, and a fallback channel gets the text. */
async function expectCredentialFailure(settings: FxiaokeSettings, fake?: FxiaokeFake): Promise<MsgError> {
  const client = createFxiaoke({ retry: { limit: 1, backoffLimit: 1 }, ...settings })
  const error = await failure(client.sendText(target, 'hi'))
  expect(error.vendor).toBe('fxiaoke')
  expect(error.delivery).toBe('not-sent')
  const reached: unknown[] = []
  const other: TextChannel = {
    vendor: 'gewe',
    send: async (text) => {
      reached.push(text)
      return { vendor: 'gewe', raw: 'other' }
    },
  }
  const sent = await withFallback([client.channel(target), other]).send('hi')
  expect(sent.vendor).toBe('gewe')
  expect(reached).toEqual(['hi'])
  if (fake) {
    expect(sends(fake)).toHaveLength(0)
    expect(fake.inbox).toHaveLength(0)
  }
  return error
}

describe('credential failures: a MsgError, not sent, nothing sent, the fallback channel reached', () => {
  it.each(['v2', 'legacy'] as const)(
    '%s: the token endpoint refuses (code fault on the token path)',
    async (authMode) => {
      const fake = createFxiaokeFake()
      fake.inject(
        { kind: 'code', code: 20006, msg: 'wrong appId or appSecret' },
        { match: onTokenPath, times: 10 },
      )
      const error = await expectCredentialFailure({ ...credentials, authMode, fetch: fake.fetch }, fake)
      expect(AuthError.isInstance(error) && error.code).toBe(20006)
    },
  )

  it('the token endpoint refuses a wrong secret', async () => {
    const fake = createFxiaokeFake()
    const error = await expectCredentialFailure(
      { ...credentials, appSecret: 'wrong', fetch: fake.fetch },
      fake,
    )
    expect(AuthError.isInstance(error) && error.code).toBe(20006)
    expect(error.message).not.toContain('wrong')
  })

  it('the token endpoint is down: connection refused', async () => {
    const port = await closedPort()
    const error = await expectCredentialFailure({ ...credentials, baseURL: `http://127.0.0.1:${port}` })
    expect(NetworkError.isInstance(error)).toBe(true)
  })

  it('the token endpoint drops the connection (retried, then given up)', async () => {
    const fake = createFxiaokeFake()
    fake.inject({ kind: 'drop' }, { match: onTokenPath, times: 10 })
    const error = await expectCredentialFailure({ ...credentials, fetch: fake.fetch }, fake)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(fake.requests.filter((request) => tokenPaths.includes(request.path)).length).toBeGreaterThan(1)
  })

  it('a failing token store and a refusing token endpoint', async () => {
    const fake = createFxiaokeFake()
    const warnings: string[] = []
    const error = await expectCredentialFailure(
      {
        ...credentials,
        appSecret: 'wrong',
        tokenStore: brokenStore,
        fetch: fake.fetch,
        hooks: { warning: (event) => warnings.push(event.message) },
      },
      fake,
    )
    expect(AuthError.isInstance(error)).toBe(true)
    expect(warnings.length).toBeGreaterThan(0)
  })
})

describe('degraded mode', () => {
  it('a failing token store alone: one warning, the token is fetched directly and the send succeeds', async () => {
    const fake = createFxiaokeFake()
    const warnings: string[] = []
    const client = createFxiaoke({
      ...credentials,
      tokenStore: brokenStore,
      fetch: fake.fetch,
      hooks: { warning: (event) => warnings.push(event.message) },
    })
    await client.sendText(target, 'one')
    await client.sendText(target, 'two')
    expect(fake.inbox.map((entry) => entry.text?.content)).toEqual(['one', 'two'])
    expect(fake.tokenCalls).toBe(1)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^\[@msg\/fxiaoke\] token store unavailable/)
  })
})
