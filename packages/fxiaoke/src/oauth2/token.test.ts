import { AuthError, createMemoryTokenStore } from '@msg/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFxiaoke } from '../fxiaoke-client.js'
import { createFxiaokeFake, type FxiaokeFake } from '../testing/index.js'

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const credentials = {
  appId: 'FSAID_fake',
  appSecret: 'fake-app-secret',
  permanentCode: 'fake-permanent-code',
}
const text = { msgType: 'text', text: { content: 'hi' } } as const

function setup(fake: FxiaokeFake = createFxiaokeFake(), extra: Record<string, unknown> = {}) {
  const client = createFxiaoke({ ...credentials, userId: '1000', fetch: fake.fetch, ...extra })
  const tokenRequests = () => fake.requests.filter((request) => request.path === '/oauth2.0/token')
  const sends = () => fake.requests.filter((request) => request.path === '/cgi/message/send')
  return { fake, client, tokenRequests, sends }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('v2 token', () => {
  it('POST /oauth2.0/token?thirdTraceId=<uuid> with the credentials and grantType, no auth headers', async () => {
    const { client, tokenRequests } = setup()
    await client.message.send({ toUser: ['1001'], ...text })
    const [request] = tokenRequests()
    expect(request?.method).toBe('POST')
    expect(request?.query.thirdTraceId).toMatch(uuidV4)
    expect(request?.body).toEqual({ ...credentials, grantType: 'app_secret' })
    expect(request?.headers.authorization).toBeUndefined()
    expect(request?.headers['x-fs-ea']).toBeUndefined()
  })

  it('is single-flight: 20 concurrent first sends make one token call, none rejected by the vendor', async () => {
    const { fake, client } = setup()
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => client.message.send({ toUser: [`${index}`], ...text })),
    )
    expect(fake.tokenCalls).toBe(1)
    expect(fake.concurrentTokenRejections).toBe(0)
    expect(fake.inbox).toHaveLength(20)
  })

  it('caches the token ≥ 6600 s and refreshes it by 6650 s of age', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { fake, client, sends } = setup()
    await client.message.send({ toUser: ['1'], ...text })
    vi.setSystemTime(Date.now() + 6_640_000)
    await client.message.send({ toUser: ['2'], ...text })
    expect(fake.tokenCalls).toBe(1)
    vi.setSystemTime(Date.now() + 11_000)
    await client.message.send({ toUser: ['3'], ...text })
    expect(fake.tokenCalls).toBe(2)
    const tokens = sends().map((request) => request.headers.authorization)
    expect(tokens[0]).toBe(tokens[1])
    expect(tokens[2]).not.toBe(tokens[1])
  })

  it('on 20016 invalidates, refreshes once and retries once with a new token', async () => {
    const { fake, client, sends } = setup()
    await client.message.send({ toUser: ['1'], ...text })
    fake.expireTokens()
    await client.message.send({ toUser: ['2'], ...text })
    expect(fake.tokenCalls).toBe(2)
    expect(sends()).toHaveLength(3)
    expect(sends()[1]?.headers.authorization).not.toBe(sends()[2]?.headers.authorization)
    expect(fake.inbox.map((message) => message.toUser)).toEqual([['1'], ['2']])
  })

  it.each([20016, 20005, 11014])('token code %i: one refresh, then the send succeeds', async (code) => {
    const { fake, client, sends } = setup()
    fake.inject({ kind: 'code', code })
    await client.message.send({ toUser: ['1'], ...text })
    expect(fake.tokenCalls).toBe(2)
    expect(sends()).toHaveLength(2)
    expect(fake.inbox).toHaveLength(1)
  })

  it('refreshes only once: a second 20016 is an AuthError after exactly two sends', async () => {
    const { fake, client, sends } = setup()
    fake.inject({ kind: 'token-expired' }, { times: 2 })
    const error = await client.message.send({ toUser: ['1'], ...text }).catch((caught: unknown) => caught)
    expect(AuthError.isInstance(error) && error.tokenRejected && error.code).toBe(20016)
    expect(sends()).toHaveLength(2)
    expect(fake.tokenCalls).toBe(2)
  })

  it.each([
    [{ appSecret: 'wrong' }, 20006],
    [{ permanentCode: 'wrong' }, 20015],
  ])('bad credentials %o → AuthError %i, nothing sent, no retry', async (wrong, code) => {
    const { fake, client, sends } = setup(createFxiaokeFake(), wrong)
    const error = await client.message.send({ toUser: ['1'], ...text }).catch((caught: unknown) => caught)
    expect(AuthError.isInstance(error) && error.code).toBe(code)
    expect((error as AuthError).tokenRejected).toBe(false)
    expect(String((error as Error).message)).not.toContain('wrong')
    expect(fake.tokenCalls).toBe(1)
    expect(sends()).toHaveLength(0)
  })

  it('a token-class code from the token endpoint is a credential error, not a refresh loop', async () => {
    const fake = createFxiaokeFake()
    fake.inject({ kind: 'code', code: 20016 }, { match: (r) => r.url.includes('/oauth2.0/token') })
    const { client, sends, tokenRequests } = setup(fake)
    const error = await client.message.send({ toUser: ['1'], ...text }).catch((caught: unknown) => caught)
    expect(AuthError.isInstance(error) && error.tokenRejected).toBe(false)
    expect(tokenRequests()).toHaveLength(1)
    expect(sends()).toHaveLength(0)
  })

  it('shares the token through a tokenStore, keyed by base URL, app id and tenant', async () => {
    const tokenStore = createMemoryTokenStore()
    const fake = createFxiaokeFake()
    await setup(fake, { tokenStore }).client.message.send({ toUser: ['1'], ...text })
    await setup(fake, { tokenStore }).client.message.send({ toUser: ['2'], ...text })
    expect(fake.tokenCalls).toBe(1)
    const other = createFxiaokeFake({ permanentCode: 'other-tenant' })
    await setup(other, { tokenStore, permanentCode: 'other-tenant' }).client.message.send({
      toUser: ['3'],
      ...text,
    })
    expect(other.tokenCalls).toBe(1)
  })

  it('uses a pre-issued { accessToken, ea } without any token call, and does not refresh it', async () => {
    const fake = createFxiaokeFake()
    const setupClient = setup(fake)
    await setupClient.client.message.send({ toUser: ['1'], ...text })
    const accessToken = setupClient.sends()[0]?.headers.authorization?.slice('Bearer '.length) ?? ''
    const client = createFxiaoke({ accessToken, ea: 'fake-ea', userId: '1000', fetch: fake.fetch })
    await client.message.send({ toUser: ['2'], ...text })
    expect(fake.tokenCalls).toBe(1)
    fake.expireTokens()
    const error = await client.message.send({ toUser: ['3'], ...text }).catch((caught: unknown) => caught)
    expect(AuthError.isInstance(error) && error.code).toBe(20016)
    expect(fake.tokenCalls).toBe(1)
    expect(setupClient.sends()).toHaveLength(3)
  })
})
