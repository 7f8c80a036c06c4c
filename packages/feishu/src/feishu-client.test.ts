import { AuthError, createMemoryTokenStore, type RequestEvent, ValidationError } from '@msg/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFeishu } from './feishu-client.js'
import { createFeishuFake } from './testing/index.js'

const text = { msg_type: 'text' as const, content: { text: 'hi' } }

describe('createFeishu', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('validates its settings', () => {
    const bad = [
      {},
      { appId: 'cli_a' },
      { appId: 'cli_a', appSecret: 's', tenantAccessToken: 't' },
      { tenantAccessToken: '' },
    ]
    for (const settings of bad) expect(() => createFeishu(settings as never)).toThrow(ValidationError)
    expect(() => createFeishu({ tenantAccessToken: 't', domain: 'larks' as never })).toThrow(
      /'feishu' or 'lark'/,
    )
  })

  it('refuses appSecret in a browser unless dangerouslyAllowBrowser', () => {
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130' })
    expect(() => createFeishu({ appId: 'cli_a', appSecret: 'secret' })).toThrow(/dangerouslyAllowBrowser/)
    expect(() =>
      createFeishu({ appId: 'cli_a', appSecret: 'secret', dangerouslyAllowBrowser: true }),
    ).not.toThrow()
    expect(() => createFeishu({ tenantAccessToken: 't-abc' })).not.toThrow()
  })

  it('sends a pre-issued token as is and does not refresh a fixed token', async () => {
    const fake = createFeishuFake()
    const client = createFeishu({ tenantAccessToken: 't-not-issued', fetch: fake.fetch })
    const error = await client.message.send({ open_id: 'ou_a', ...text }).catch((caught: unknown) => caught)
    expect(AuthError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code: 99991663 })
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer t-not-issued')
  })

  it('asks a token function again after a rejection', async () => {
    const fake = createFeishuFake()
    const issue = () =>
      fake.handle(
        new Request('http://fake/open-apis/auth/v3/tenant_access_token/internal', {
          method: 'POST',
          body: JSON.stringify({ app_id: fake.appId, app_secret: fake.appSecret }),
        }),
      )
    const fresh = ((await (await issue()).json()) as { tenant_access_token: string }).tenant_access_token
    const resolve = vi.fn(async () => (resolve.mock.calls.length === 1 ? 't-stale' : fresh))
    const client = createFeishu({ tenantAccessToken: resolve, fetch: fake.fetch })
    await expect(client.message.send({ chat_id: 'oc_a', ...text })).resolves.toMatchObject({
      message_id: expect.stringMatching(/^om_/),
    })
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${fresh}`)
    expect(resolve).toHaveBeenCalledTimes(2)
  })

  it('turns bad app credentials into AuthError with the vendor code and sends nothing', async () => {
    const fake = createFeishuFake()
    const client = createFeishu({ appId: fake.appId, appSecret: 'wrong-secret', fetch: fake.fetch })
    const error = await client.sendText({ openId: 'ou_a' }, 'hi').catch((caught: unknown) => caught)
    expect(AuthError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code: 10014, delivery: 'not-sent' })
    expect(String((error as Error).message)).not.toContain('wrong-secret')
    expect(fake.requests.map((request) => request.path)).toEqual([
      '/open-apis/auth/v3/tenant_access_token/internal',
    ])
  })

  it('shares one token through a tokenStore keyed by base URL and app id', async () => {
    const fake = createFeishuFake()
    const store = createMemoryTokenStore()
    const set = vi.spyOn(store, 'set')
    const settings = { appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch, tokenStore: store }
    await createFeishu(settings).sendText({ openId: 'ou_a' }, 'one')
    await createFeishu(settings).sendText({ openId: 'ou_a' }, 'two')
    expect(fake.requests.filter((request) => request.path.endsWith('/internal'))).toHaveLength(1)
    expect(set.mock.calls[0]?.[0]).toBe('@msg/feishu:https://open.feishu.cn:cli_fake_app')
  })

  it('redacts the app secret and the token from hooks', async () => {
    const fake = createFeishuFake()
    const events: unknown[] = []
    const client = createFeishu({
      appId: fake.appId,
      appSecret: fake.appSecret,
      fetch: fake.fetch,
      hooks: {
        request: (event: RequestEvent) => events.push(event),
        response: (event) => events.push(event),
      },
    })
    await client.sendText({ openId: 'ou_a' }, 'hi')
    const logged = JSON.stringify(events)
    expect(logged).not.toContain(fake.appSecret)
    expect(logged).not.toContain(fake.issuedTokens[0])
    expect(logged).toContain('[redacted]')
  })

  it('rejects unknown fields of the v4 body and a v4 body without recipient', async () => {
    const fake = createFeishuFake()
    const client = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch })
    const typo = await client.message
      .send({ openId: 'ou_a', ...text } as never)
      .catch((caught: unknown) => caught)
    expect((typo as ValidationError).issues.map((issue) => issue.path)).toContain('openId')
    const none = await client.message.send(text).catch((caught: unknown) => caught)
    expect((none as ValidationError).issues[0]?.message).toBe(
      'needs at least one of open_id, user_id, email, chat_id',
    )
    expect(fake.requests).toHaveLength(0)
  })

  it('exposes mention helpers and never resends a v4 send after a dropped connection', async () => {
    const fake = createFeishuFake()
    const client = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch })
    expect(client.mention('ou_a', '<x>')).toBe('<at user_id="ou_a">&lt;x&gt;</at>')
    expect(client.mentionAll()).toBe('<at user_id="all"></at>')
    fake.inject({ kind: 'drop' })
    const error = await client.message.send({ user_id: 'u1', ...text }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'NetworkError', delivery: 'unknown' })
    expect(fake.requests.filter((request) => request.path.includes('/v4/'))).toHaveLength(1)
  })

  it('reports a broken v4 reply as ResponseError with unknown delivery, without resending', async () => {
    const fake = createFeishuFake()
    const client = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch })
    fake.inject({ kind: 'broken-body' })
    const error = await client.message.send({ user_id: 'u1', ...text }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'ResponseError', delivery: 'unknown' })
    expect(fake.requests.filter((request) => request.path.includes('/v4/'))).toHaveLength(1)
  })
})
