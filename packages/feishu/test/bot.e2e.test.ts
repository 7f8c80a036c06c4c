import { createHmac } from 'node:crypto'
import {
  AuthError,
  MsgError,
  RateLimitError,
  ResponseError,
  TimeoutError,
  type TransportHooks,
  ValidationError,
  VendorError,
} from '@msg/core'
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { createFeishuBot, type FeishuBotBody, type FeishuBotSettings } from '../src/bot/index.js'
import { createFeishuBotFake, type FeishuBotFakeOptions } from '../src/testing/index.js'

const token = 'b1f2c3d4-e5f6-4711-8899-aabbccddeeff'
const secret = 'qF9xZkT1mV2pL8sN4wR7yH'
const servers: ServedHandler[] = []

/** A fake bot served on 127.0.0.1, and settings pointing a bot at it. */
async function servedBot(options: FeishuBotFakeOptions = {}) {
  const fake = createFeishuBotFake({ token, ...options })
  const served = await serve(fake.handle)
  servers.push(served)
  const settings = { webhook: fake.webhook, baseURL: served.url, pacing: false } satisfies FeishuBotSettings
  return { fake, settings, url: served.url }
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** The guide's signature, computed independently with node:crypto: HMAC keyed by `ts\nsecret` over "". */
const guideSign = (timestamp: string, key: string) =>
  createHmac('sha256', `${timestamp}\n${key}`).update('').digest('base64')

const bodies: FeishuBotBody[] = [
  { msg_type: 'text', content: { text: '告警: disk 95% <at user_id="all"></at>' } },
  {
    msg_type: 'post',
    content: {
      post: {
        zh_cn: {
          title: '项目更新通知',
          content: [
            [
              { tag: 'text', text: '项目有更新: ' },
              { tag: 'a', text: '请查看', href: 'http://www.example.com/' },
            ],
            [{ tag: 'at', user_id: 'ou_18eac8' }],
          ],
        },
      },
    },
  },
  { msg_type: 'image', content: { image_key: 'img_ecffc3b9-8f14-400f-a014-05eca1a4310g' } },
  { msg_type: 'share_chat', content: { share_chat_id: 'oc_f5b1a7eb27ae2c7b6adc2a74faf339ff' } },
  {
    msg_type: 'interactive',
    card: {
      schema: '2.0',
      header: { title: { tag: 'plain_text', content: 'Deploy' }, template: 'green' },
      body: { elements: [{ tag: 'markdown', content: '**done**' }] },
    },
  },
]

describe('custom bot end to end over 127.0.0.1', () => {
  for (const signed of [true, false]) {
    it(`lands every msg_type ${signed ? 'signed with the secret' : 'without a secret'}`, async () => {
      const { fake, settings } = await servedBot(signed ? { secret } : {})
      const bot = createFeishuBot({ ...settings, ...(signed ? { secret } : {}) })
      for (const body of bodies) {
        const sent = await bot.send(body)
        expect(sent.vendor).toBe('feishu')
        expect(sent.messageId).toBeUndefined()
        expect(sent.raw).toEqual({
          code: 0,
          msg: 'success',
          data: {},
          StatusCode: 0,
          StatusMessage: 'success',
        })
      }
      expect(fake.inbox.map((entry) => entry.msg_type)).toEqual(bodies.map((body) => body.msg_type))
      for (const [index, request] of fake.requests.entries()) {
        expect(request.method).toBe('POST')
        expect(request.path).toBe(`/open-apis/bot/v2/hook/${token}`)
        expect(request.headers['content-type']).toBe('application/json; charset=utf-8')
        const { timestamp, sign, ...rest } = request.body as Record<string, unknown>
        expect(rest).toEqual(bodies[index])
        if (!signed) {
          expect(timestamp).toBeUndefined()
          expect(sign).toBeUndefined()
          continue
        }
        expect(timestamp).toMatch(/^\d{10}$/)
        expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(600)
        expect(sign).toBe(guideSign(timestamp as string, secret))
      }
    })
  }

  it('sends text with sendText, and a notice as a card with a title, markdown and a link button', async () => {
    const { fake, settings } = await servedBot({ secret })
    const bot = createFeishuBot({ ...settings, secret, noticeButton: '查看详情' })
    await bot.sendText('plain 文本')
    const channel = bot.channel()
    expect(channel.vendor).toBe('feishu')
    await channel.send('from the channel')
    await channel.send({ title: 'CPU high', text: '**web-1** at 97%', url: 'https://grafana.example/d/1' })
    await channel.send({ text: 'no title, no link' })
    expect(fake.inbox.map((entry) => entry.content ?? entry.card)).toEqual([
      { text: 'plain 文本' },
      { text: 'from the channel' },
      {
        schema: '2.0',
        header: { title: { tag: 'plain_text', content: 'CPU high' }, template: 'blue' },
        body: {
          elements: [
            { tag: 'markdown', content: '**web-1** at 97%' },
            {
              tag: 'button',
              text: { tag: 'plain_text', content: '查看详情' },
              type: 'primary',
              behaviors: [{ type: 'open_url', default_url: 'https://grafana.example/d/1' }],
            },
          ],
        },
      },
      { schema: '2.0', body: { elements: [{ tag: 'markdown', content: 'no title, no link' }] } },
    ])
  })

  it('answers a wrong secret, a missing secret and a stale clock with AuthError 19021, sent once', async () => {
    const { fake, settings } = await servedBot({ secret })
    for (const bot of [
      createFeishuBot({ ...settings, secret: 'not-the-secret' }),
      createFeishuBot(settings),
    ]) {
      const error = await bot.sendText('hi').catch((caught: unknown) => caught)
      expect(AuthError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ name: 'AuthError', code: 19021, delivery: 'not-sent' })
    }
    expect(fake.requests).toHaveLength(2)
    expect(fake.inbox).toHaveLength(0)
    const later = await servedBot({ secret, now: () => Date.now() + 2 * 3_600_000 })
    const error = await createFeishuBot({ ...later.settings, secret })
      .sendText('hi')
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'AuthError', code: 19021 })
  })

  it('maps 19022 (IP) to AuthError and 19024 (keyword, links not searched) to VendorError', async () => {
    const { fake, settings } = await servedBot({ keywords: ['告警'] })
    const bot = createFeishuBot(settings)
    fake.inject({ kind: 'code', code: 19022 })
    await expect(bot.sendText('告警 one')).rejects.toMatchObject({ name: 'AuthError', code: 19022 })
    const missing = await bot.sendText('no keyword').catch((caught: unknown) => caught)
    expect(VendorError.isInstance(missing) && !AuthError.isInstance(missing)).toBe(true)
    expect(missing).toMatchObject({ code: 19024, retryable: false, delivery: 'not-sent' })
    const inLinkOnly: FeishuBotBody = {
      msg_type: 'post',
      content: {
        post: { zh_cn: { title: 't', content: [[{ tag: 'a', text: 'x', href: 'https://a/告警' }]] } },
      },
    }
    await expect(bot.send(inLinkOnly)).rejects.toMatchObject({ code: 19024 })
    await bot.sendText('磁盘告警')
    expect(fake.inbox).toHaveLength(1)
  })
})

describe('custom bot validation (nothing sent)', () => {
  it('refuses bad bodies naming the field, and over 20 KB, with zero requests', async () => {
    const { fake, settings } = await servedBot({ secret })
    const bot = createFeishuBot({ ...settings, secret })
    const cases: [unknown, string][] = [
      [{ msg_type: 'text', content: { text: '' } }, 'content.text'],
      [{ msg_type: 'text', content: {} }, 'content.text'],
      [{ msg_type: 'image', content: { image_key: 1 } }, 'content.image_key'],
      [{ msg_type: 'share_chat', content: { chat_id: 'oc_1' } }, 'content.share_chat_id'],
      [{ msg_type: 'post', content: { post: {} } }, 'content.post'],
      [{ msg_type: 'post', content: { post: { zh_cn: { content: 'x' } } } }, 'content.post.zh_cn.content'],
      [{ msg_type: 'interactive', content: { card: {} } }, 'card'],
      [{ msg_type: 'file', content: { file_key: 'f' } }, 'msg_type'],
      [{ msg_type: 'text', content: { text: 'x'.repeat(20 * 1024) } }, '(body)'],
    ]
    for (const [body, path] of cases) {
      const error = await bot.send(body as FeishuBotBody).catch((caught: unknown) => caught)
      expect(ValidationError.isInstance(error), JSON.stringify(body).slice(0, 80)).toBe(true)
      expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path)
    }
    await expect(bot.sendText('')).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [{ path: 'text' }],
    })
    await expect(bot.channel().send({ text: '' })).rejects.toMatchObject({ name: 'ValidationError' })
    expect(fake.requests).toHaveLength(0)
  })

  it('counts UTF-8 bytes with timestamp and sign: exactly 20 KB lands, one byte more never leaves', async () => {
    const { fake, settings } = await servedBot({ secret })
    const bot = createFeishuBot({ ...settings, secret })
    const overhead = JSON.stringify({
      timestamp: '1700000000',
      sign: guideSign('1', secret),
      ...textBody(''),
    })
    const room = 20 * 1024 - new TextEncoder().encode(overhead).length
    const fits = `${'界'.repeat(Math.floor(room / 3))}${'a'.repeat(room % 3)}`
    await bot.send(textBody(fits))
    expect(new TextEncoder().encode(fake.requests[0]?.text).length).toBe(20 * 1024)
    await expect(bot.send(textBody(`${fits}a`))).rejects.toMatchObject({ name: 'ValidationError' })
    expect(fake.requests).toHaveLength(1)
  })

  it('refuses webhooks that are not a custom-bot address', () => {
    for (const webhook of [
      'http://open.feishu.cn/open-apis/bot/v2/hook/abcdefgh1234',
      'https://evil.example/open-apis/bot/v2/hook/abcdefgh1234',
      'https://open.feishu.cn/open-apis/bot/hook/abcdefgh1234',
      'https://open.feishu.cn/open-apis/bot/v2/hook/abcdefgh1234?x=1',
      'https://open.feishu.cn/open-apis/bot/v2/hook/short',
      'https://open.feishu.cn/open-apis/bot/v2/hook/abcdefgh1234/extra',
      'not a url',
    ]) {
      expect(() => createFeishuBot({ webhook })).toThrow(ValidationError)
    }
    expect(() =>
      createFeishuBot({ webhook: `https://open.larksuite.com/open-apis/bot/v2/hook/${token}` }),
    ).not.toThrow()
    expect(() =>
      createFeishuBot({ webhook: `https://open.feishu.cn/open-apis/bot/v2/hook/${token}`, secret: 'x' }),
    ).toThrow(/secret/)
  })
})

const textBody = (text: string): FeishuBotBody => ({ msg_type: 'text', content: { text } })

describe('custom bot limits', () => {
  it('surfaces 11232 beyond 5/s as RateLimitError (pacing off, no retries)', async () => {
    const frozen = Date.now()
    const { fake, settings } = await servedBot({ now: () => frozen })
    const bot = createFeishuBot({ ...settings, retry: 0 })
    for (let index = 0; index < 5; index++) await bot.sendText(`n${index}`)
    const error = await bot.sendText('sixth').catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code: 11232, delivery: 'not-sent', retryable: true })
    expect(fake.inbox).toHaveLength(5)
  })

  it('surfaces 11232 beyond 100/min', async () => {
    const frozen = Date.now()
    const { fake, settings } = await servedBot({ now: () => frozen, perSecond: 1000 })
    const bot = createFeishuBot({ ...settings, retry: 0 })
    await Promise.all(Array.from({ length: 100 }, (_, index) => bot.sendText(`n${index}`)))
    await expect(bot.sendText('101st')).rejects.toMatchObject({ name: 'RateLimitError', code: 11232 })
    expect(fake.inbox).toHaveLength(100)
  })

  it('retries an 11232 (not processed) within the retry budget and lands once', async () => {
    const { fake, settings } = await servedBot({ secret })
    const bot = createFeishuBot({ ...settings, secret, retry: { limit: 1, backoffLimit: 20 } })
    fake.inject({ kind: 'rate-limit' })
    await bot.sendText('after a throttle')
    expect(fake.requests).toHaveLength(2)
    expect(fake.inbox).toHaveLength(1)
    // Each attempt is signed afresh.
    for (const request of fake.requests) {
      const { timestamp, sign } = request.body as { timestamp: string; sign: string }
      expect(sign).toBe(guideSign(timestamp, secret))
    }
  })

  it("fails fast with a local RateLimitError under pacing 'fail', sending nothing", async () => {
    const { fake, settings } = await servedBot()
    const bot = createFeishuBot({ ...settings, pacing: { whenFull: 'fail', perSecond: 2, perMinute: 100 } })
    await Promise.all([bot.sendText('a'), bot.sendText('b')])
    const error = await bot.sendText('c').catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'not-sent', code: undefined })
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(0)
    expect(fake.requests).toHaveLength(2)
  })
})

describe('custom bot ambiguous failures (never resent)', () => {
  it('a 500 after the bot posted: delivery unknown, exactly one request', async () => {
    const { fake, settings } = await servedBot({ secret })
    const bot = createFeishuBot({ ...settings, secret, retry: 5 })
    fake.inject({ kind: 'server-error', delivered: true })
    const error = await bot.sendText('maybe').catch((caught: unknown) => caught)
    expect(VendorError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 500, delivery: 'unknown' })
    expect(fake.requests).toHaveLength(1)
    expect(fake.inbox).toHaveLength(1)
  })

  it('a gateway page, a timeout and a reset: delivery unknown, one request each', async () => {
    const { fake, settings } = await servedBot()
    const bot = createFeishuBot({ ...settings, retry: 5, timeout: 50 })
    fake.inject({ kind: 'html', status: 502 })
    const html = await bot.sendText('1').catch((caught: unknown) => caught)
    expect(ResponseError.isInstance(html) && html.delivery).toBe('unknown')
    fake.inject({ kind: 'delay', ms: 90 })
    const slow = await bot.sendText('2').catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(slow) && slow.delivery).toBe('unknown')
    fake.inject({ kind: 'drop', point: 'mid-response' })
    const dropped = await bot.sendText('3').catch((caught: unknown) => caught)
    expect(MsgError.isInstance(dropped) && dropped.delivery).toBe('unknown')
    expect(fake.requests).toHaveLength(3)
  })

  it('reads the older { StatusCode: 0 } reply as sent, and an unknown shape as ResponseError', async () => {
    const replies = [{ StatusCode: 0, StatusMessage: 'success' }, { ok: true }]
    const served = await serve(async () => Response.json(replies.shift()))
    servers.push(served)
    const bot = createFeishuBot({
      webhook: `https://open.feishu.cn/open-apis/bot/v2/hook/${token}`,
      baseURL: served.url,
    })
    expect(await bot.sendText('old')).toEqual({
      vendor: 'feishu',
      raw: { StatusCode: 0, StatusMessage: 'success' },
    })
    await expect(bot.sendText('odd')).rejects.toMatchObject({ name: 'ResponseError', delivery: 'unknown' })
  })
})

describe('custom bot secrets', () => {
  /** Everything about an error a log could print: message, stack, JSON, properties, causes. */
  const everything = (value: unknown, depth = 0): string => {
    if (!(value instanceof Error) || depth > 4) return JSON.stringify(value) ?? String(value)
    const own = Object.fromEntries(Object.entries(value))
    return [
      value.message,
      value.stack,
      JSON.stringify(own),
      String(value),
      everything(value.cause, depth + 1),
    ].join('\n')
  }

  it('keeps the hook token, the secret and the signature out of errors and hook payloads', async () => {
    const events: unknown[] = []
    const hooks: TransportHooks = {
      request: (event) => events.push(event),
      response: (event) => events.push(event),
      error: (event) => events.push({ ...event, error: everything(event.error) }),
    }
    const { fake, settings } = await servedBot({ secret })
    const errors: unknown[] = []
    const collect = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error) => errors.push(error),
      )
    await collect(createFeishuBot({ ...settings, secret, hooks }).sendText('ok'))
    await collect(createFeishuBot({ ...settings, secret: `${secret}-wrong`, hooks }).sendText('19021'))
    fake.inject({ kind: 'server-error' })
    await collect(createFeishuBot({ ...settings, secret, hooks }).sendText('500'))
    fake.inject({ kind: 'delay', ms: 90 })
    await collect(createFeishuBot({ ...settings, secret, hooks, timeout: 40 }).sendText('timeout'))
    fake.inject({ kind: 'drop' })
    await collect(createFeishuBot({ ...settings, secret, hooks, retry: 0 }).sendText('reset'))
    // A server that echoes the URL and the body (with the secret) into its message.
    const echo = await serve(async (request) =>
      Response.json(
        { code: 9499, msg: `bad ${request.url} ${await request.text()} ${secret}` },
        { status: 400 },
      ),
    )
    servers.push(echo)
    await collect(createFeishuBot({ ...settings, baseURL: echo.url, secret, hooks }).sendText('echo'))
    const closed = await serve(async () => new Response('x'))
    await closed.close()
    await collect(
      createFeishuBot({ ...settings, baseURL: closed.url, secret, hooks, retry: 0 }).sendText('refused'),
    )
    try {
      createFeishuBot({ webhook: `http://open.feishu.cn/open-apis/bot/v2/hook/${token}`, secret })
    } catch (error) {
      errors.push(error)
    }
    expect(errors).toHaveLength(7)
    const signatures = fake.requests.map((request) => (request.body as { sign: string }).sign)
    expect(signatures.length).toBeGreaterThanOrEqual(4)
    const printed = [...errors.map((error) => everything(error)), JSON.stringify(events)].join('\n')
    expect(printed).toContain('/open-apis/bot/v2/hook/[redacted]')
    expect(printed).toContain('vendor code 19021')
    for (const value of [token, secret, ...signatures]) expect(printed).not.toContain(value)
    const request = events.find((event) => (event as { body?: unknown }).body !== undefined) as {
      url: string
      body: { sign: string; content: unknown }
    }
    expect(request.url).toBe(`${settings.baseURL}/open-apis/bot/v2/hook/[redacted]`)
    expect(request.body).toMatchObject({ sign: '[redacted]', content: { text: 'ok' } })
  })
})
