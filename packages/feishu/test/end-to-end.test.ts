import {
  AuthError,
  NetworkError,
  RateLimitError,
  ResponseError,
  ValidationError,
  VendorError,
} from '@msg/core'
import { type ServedHandler, serve } from '@msg/core/testing'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createFeishu, type FeishuOptions, mention } from '../src/index.js'
import { createFeishuFake, type FeishuFake } from '../src/testing/index.js'

/** The v4 send's request body example from Feishu's docs, exactly as documented. */
const documentedBodyText = `{
   "open_id":"ou_5ad573a6411d72b8305fda3a9c15c70e",
   "root_id":"om_40eb06e7b84dc71c03e009ad3c754195",
   "chat_id":"oc_5ad11d72b830411d72b836c20",
   "user_id": "92e39a99",
   "email":"fanlv@gmail.com",
   "msg_type":"text",
   "content":{
        "text":"text content<at user_id=\\"ou_88a56e7e8e9f680b682f6905cc09098e\\">test</at>"
    }
}`

const messagePaths = ['/open-apis/message/v4/send/', '/open-apis/im/v1/messages']

/** The client against the fake, reached one way (loopback HTTP or msw). */
function endToEndSuite(name: string, setup: () => { fake: FeishuFake; settings: FeishuOptions }) {
  describe(`end to end (${name})`, () => {
    let fake: FeishuFake
    let client: ReturnType<typeof createFeishu>
    const tokenRequests = () => fake.requests.filter((request) => request.path.endsWith('/internal'))
    const messageRequests = () => fake.requests.filter((request) => messagePaths.includes(request.path))

    beforeEach(() => {
      const context = setup()
      fake = context.fake
      fake.reset()
      client = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, ...context.settings })
    })

    it('sends the documented v4 request byte for byte: trailing slash, headers, JSON body', async () => {
      const body = JSON.parse(documentedBodyText)
      const data = await client.message.send(body)
      expect(data).toEqual({ message_id: fake.inbox[0]?.message_id })
      expect(data.message_id).toMatch(/^om_/)
      const [token, send] = fake.requests
      expect(token).toMatchObject({ method: 'POST', path: '/open-apis/auth/v3/tenant_access_token/internal' })
      expect(token?.text).toBe(JSON.stringify({ app_id: fake.appId, app_secret: fake.appSecret }))
      expect(token?.headers.authorization).toBeUndefined()
      expect(send?.method).toBe('POST')
      expect(send?.path).toBe('/open-apis/message/v4/send/')
      expect(send?.query).toEqual({})
      expect(send?.headers.authorization).toBe(`Bearer ${fake.issuedTokens[0]}`)
      expect(send?.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(send?.text).toBe(JSON.stringify(JSON.parse(documentedBodyText)))
      expect(send?.text).toBe(documentedBodyText.replace(/\n\s*/g, '').replace(/": "/g, '":"'))
      expect(fake.inbox[0]?.text).toBe(body.content.text)
    })

    it('fetches one token for 1000 concurrent sends (single flight)', async () => {
      const sends = Array.from({ length: 1000 }, (_, index) =>
        client.sendText({ openId: 'ou_a' }, `n${index}`),
      )
      const results = await Promise.all(sends)
      expect(tokenRequests()).toHaveLength(1)
      expect(fake.inbox).toHaveLength(1000)
      expect(new Set(results.map((result) => result.messageId)).size).toBe(1000)
    }, 60_000)

    it('refreshes the token once on 99991663, then succeeds', async () => {
      await client.sendText({ chatId: 'oc_1' }, 'warm up')
      fake.inject({ kind: 'token-expired' })
      const sent = await client.message.send({ chat_id: 'oc_1', msg_type: 'text', content: { text: 'hi' } })
      expect(sent.message_id).toMatch(/^om_/)
      expect(tokenRequests()).toHaveLength(2)
      expect(fake.issuedTokens).toHaveLength(2)
      expect(messageRequests().at(-1)?.headers.authorization).toBe(`Bearer ${fake.issuedTokens[1]}`)
      expect(fake.inbox).toHaveLength(2)
    })

    it('throws AuthError when the refreshed token is rejected too', async () => {
      fake.inject({ kind: 'token-expired' }, { times: 2 })
      const error = await client.sendText({ openId: 'ou_a' }, 'hi').catch((caught: unknown) => caught)
      expect(AuthError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ code: 99991663, delivery: 'not-sent', status: 400 })
      expect(messageRequests()).toHaveLength(2)
      expect(fake.inbox).toHaveLength(0)
    })

    it('retries a 429 after x-ogw-ratelimit-reset seconds', async () => {
      fake.inject({ kind: 'rate-limit', resetSeconds: 1 })
      const started = Date.now()
      const sent = await client.message.send({ open_id: 'ou_a', msg_type: 'text', content: { text: 'hi' } })
      expect(Date.now() - started).toBeGreaterThanOrEqual(990)
      expect(sent.message_id).toBe(fake.inbox[0]?.message_id)
      expect(messageRequests()).toHaveLength(2)
    })

    it('reports 429 as RateLimitError with retryAfterMs when the budget is spent', async () => {
      fake.inject({ kind: 'rate-limit', resetSeconds: 7 })
      const limited = createFeishu({
        appId: fake.appId,
        appSecret: fake.appSecret,
        ...setup().settings,
        retry: 0,
      })
      const error = await limited.sendText({ openId: 'ou_a' }, 'hi').catch((caught: unknown) => caught)
      expect(RateLimitError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ code: 99991400, status: 429, retryAfterMs: 7000, delivery: 'not-sent' })
    })

    it('throws VendorError 230002 with retryable false and the log id', async () => {
      fake.inject({
        kind: 'code',
        code: 230002,
        msg: 'Bot/User can NOT be out of the chat.',
        logId: 'LOG230002',
      })
      const error = await client.sendText({ chatId: 'oc_x' }, 'hi').catch((caught: unknown) => caught)
      expect(VendorError.isInstance(error) && !RateLimitError.isInstance(error)).toBe(true)
      expect(AuthError.isInstance(error)).toBe(false)
      expect(error).toMatchObject({ code: 230002, retryable: false, requestId: 'LOG230002', status: 400 })
      expect(messageRequests()).toHaveLength(1)
    })

    it('never resends a v4 send after a 500 (one request at the fake)', async () => {
      fake.inject({ kind: 'server-error', delivered: true })
      const error = await client.message
        .send({ email: 'a@example.com', msg_type: 'text', content: { text: 'hi' } })
        .catch((caught: unknown) => caught)
      expect(VendorError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ status: 500, delivery: 'unknown' })
      expect(messageRequests()).toHaveLength(1)
      fake.inject({ kind: 'html', status: 502 })
      const html = await client.message
        .send({ email: 'a@example.com', msg_type: 'text', content: { text: 'hi' } })
        .catch((caught: unknown) => caught)
      expect(ResponseError.isInstance(html)).toBe(true)
      expect(messageRequests()).toHaveLength(2)
    })

    it('reuses the uuid across a retried im/v1 send: one message in the inbox', async () => {
      fake.inject({ kind: 'server-error', delivered: true })
      const sent = await client.sendText({ openId: 'ou_a' }, 'once')
      const [first, second] = messageRequests()
      expect(messageRequests()).toHaveLength(2)
      expect((first!.body as { uuid: string }).uuid).toMatch(/^[0-9a-f-]{36}$/)
      expect(second?.text).toBe(first?.text)
      expect(fake.inbox).toHaveLength(1)
      expect(sent.messageId).toBe(fake.inbox[0]?.message_id)
    })

    it('rejects bad input with ValidationError and sends nothing', async () => {
      const attempts: Promise<unknown>[] = [
        client.sendText({ openId: 'ou_a' }, ''),
        client.sendText({} as never, 'hi'),
        client.sendText({ openId: 'ou_a' }, 'x'.repeat(150 * 1024)),
        client.sendText({ openId: 'ou_a' }, 'hi', { idempotencyKey: 'k'.repeat(51) }),
        client.im.message.create({
          params: { receive_id_type: 'phone' as never },
          data: { receive_id: 'x', msg_type: 'text', content: { text: 'hi' } },
        }),
        client.message.send({ msg_type: 'text', content: { text: 'hi' } }),
      ]
      for (const attempt of attempts) {
        const error = await attempt.catch((caught: unknown) => caught)
        expect(ValidationError.isInstance(error)).toBe(true)
      }
      expect(fake.requests).toHaveLength(0)
    })

    it('escapes mentions so user text cannot inject markup', async () => {
      const text = `hi ${mention('ou_a', '</at><at user_id="all">')}`
      await client.channel({ openId: 'ou_b' }).send(text)
      expect(fake.inbox[0]?.text).toBe(
        'hi <at user_id="ou_a">&lt;/at&gt;&lt;at user_id=&quot;all&quot;&gt;</at>',
      )
    })
  })
}

describe('loopback HTTP', () => {
  const fake = createFeishuFake()
  let served: ServedHandler

  beforeAll(async () => {
    served = await serve(fake.handle)
  })
  afterAll(() => served.close())

  endToEndSuite('loopback HTTP', () => ({ fake, settings: { baseURL: served.url } }))
})

describe('msw', () => {
  const fake = createFeishuFake()
  const lark = createFeishuFake({ appId: 'cli_lark', appSecret: 'lark-secret' })
  const server = setupServer(...fake.mswHandlers(), ...lark.mswHandlers('https://open.larksuite.com'))

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  endToEndSuite('msw', () => ({ fake, settings: {} }))

  it("sends to open.larksuite.com with domain: 'lark'", async () => {
    fake.reset()
    const client = createFeishu({ appId: 'cli_lark', appSecret: 'lark-secret', domain: 'lark' })
    const sent = await client.sendText({ email: 'a@example.com' }, 'hello Lark')
    expect(sent).toMatchObject({ vendor: 'feishu', messageId: lark.inbox[0]?.message_id })
    expect(lark.requests.map((request) => request.path)).toEqual([
      '/open-apis/auth/v3/tenant_access_token/internal',
      '/open-apis/im/v1/messages',
    ])
    expect(lark.requests[1]?.query).toEqual({ receive_id_type: 'email' })
    expect(fake.requests).toHaveLength(0)
  })

  it('turns a dropped connection into a network error: a v4 send is not resent', async () => {
    fake.reset()
    const client = createFeishu({ appId: fake.appId, appSecret: fake.appSecret })
    fake.inject({ kind: 'drop' })
    const error = await client.message
      .send({ chat_id: 'oc_1', msg_type: 'text', content: { text: 'hi' } })
      .catch((caught: unknown) => caught)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'unknown' })
    expect(fake.requests.map((request) => request.url)).toEqual([
      'https://open.feishu.cn/open-apis/auth/v3/tenant_access_token/internal',
      'https://open.feishu.cn/open-apis/message/v4/send/',
    ])
    expect(fake.inbox).toHaveLength(0)
  })
})
