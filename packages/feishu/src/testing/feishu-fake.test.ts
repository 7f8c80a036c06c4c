import { describe, expect, it } from 'vitest'
import { createFeishuFake } from './index.js'

const base = 'https://open.feishu.cn'
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  })

function setup() {
  let now = 1_700_000_000_000
  const fake = createFeishuFake({ now: () => now })
  const token = async () => {
    const response = await fake.handle(
      post('/open-apis/auth/v3/tenant_access_token/internal', {
        app_id: fake.appId,
        app_secret: fake.appSecret,
      }),
    )
    return (await response.json()) as { code: number; tenant_access_token: string; expire: number }
  }
  const create = async (bearer: string, body: Record<string, unknown>) =>
    fake.handle(
      post('/open-apis/im/v1/messages?receive_id_type=chat_id', body, { authorization: `Bearer ${bearer}` }),
    )
  return { fake, token, create, advance: (ms: number) => (now += ms) }
}

describe('createFeishuFake', () => {
  it('checks app credentials like Feishu and returns the token without a data wrapper', async () => {
    const { fake, token, advance } = setup()
    const wrong = await fake.handle(
      post('/open-apis/auth/v3/tenant_access_token/internal', { app_id: fake.appId, app_secret: 'nope' }),
    )
    expect(wrong.status).toBe(200)
    expect(await wrong.json()).toMatchObject({ code: 10014 })
    const missing = await fake.handle(post('/open-apis/auth/v3/tenant_access_token/internal', {}))
    expect([missing.status, ((await missing.json()) as { code: number }).code]).toEqual([400, 10003])
    const first = await token()
    expect(first).toEqual({
      code: 0,
      msg: 'ok',
      tenant_access_token: expect.stringMatching(/^t-/),
      expire: 7200,
    })
    advance(3_000_000)
    const same = await token()
    expect(same).toMatchObject({ tenant_access_token: first.tenant_access_token, expire: 4200 })
    advance(2_700_000)
    expect((await token()).tenant_access_token).not.toBe(first.tenant_access_token)
  })

  it('checks Authorization: Bearer <token>', async () => {
    const { fake, token, create } = setup()
    const missing = await fake.handle(post('/open-apis/message/v4/send/', {}))
    expect([missing.status, ((await missing.json()) as { code: number }).code]).toEqual([400, 99991661])
    const unknown = await create('t-unknown', {})
    expect([unknown.status, ((await unknown.json()) as { code: number }).code]).toEqual([400, 99991663])
    const valid = await create((await token()).tenant_access_token, {})
    expect([valid.status, ((await valid.json()) as { code: number }).code]).toEqual([400, 230001])
    expect(valid.headers.get('x-tt-logid')).toMatch(/^2026/)
  })

  it('de-duplicates by uuid within one hour', async () => {
    const { fake, token, create, advance } = setup()
    const bearer = (await token()).tenant_access_token
    const body = { receive_id: 'oc_1', msg_type: 'text', content: '{"text":"hi"}', uuid: 'u1' }
    const ids = async () =>
      ((await (await create(bearer, body)).json()) as { data: { message_id: string } }).data.message_id
    const first = await ids()
    advance(3_599_000)
    expect(await ids()).toBe(first)
    expect(fake.inbox).toHaveLength(1)
    advance(2_000)
    expect(await ids()).not.toBe(first)
    expect(fake.inbox).toHaveLength(2)
  })

  it('injects rate limits with the reset header, only on message requests by default', async () => {
    const { fake, token, create } = setup()
    fake.inject({ kind: 'rate-limit', resetSeconds: 5 })
    fake.inject({ kind: 'rate-limit', code: 230020 })
    const bearer = (await token()).tenant_access_token
    const limited = await create(bearer, {})
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-ogw-ratelimit-reset')).toBe('5')
    expect(await limited.json()).toMatchObject({
      code: 99991400,
      error: { log_id: limited.headers.get('x-tt-logid') },
    })
    const chat = await create(bearer, {})
    expect([chat.status, ((await chat.json()) as { code: number }).code]).toEqual([400, 230020])
  })

  it('refuses the credentials for good on auth-failed, at the token endpoint or a message request', async () => {
    const { fake, token, create } = setup()
    const bearer = (await token()).tenant_access_token
    fake.inject({ kind: 'auth-failed' }, { match: () => true })
    expect(await token()).toMatchObject({ code: 10014 })
    fake.inject({ kind: 'auth-failed' })
    const refused = await create(bearer, {})
    expect([refused.status, ((await refused.json()) as { code: number }).code]).toEqual([400, 99991672])
  })

  it('answers 404 for unknown paths and forgets everything on reset', async () => {
    const { fake, token } = setup()
    await token()
    expect((await fake.handle(post('/open-apis/unknown', {}))).status).toBe(404)
    fake.reset()
    expect([fake.requests.length, fake.issuedTokens.length, fake.inbox.length]).toEqual([0, 0, 0])
  })
})
