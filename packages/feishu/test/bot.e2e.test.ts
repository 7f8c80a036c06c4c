import { AuthError, MsgError, RateLimitError, ResponseError, TimeoutError, VendorError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createFeishuBot, type FeishuBotBody } from '../src/bot/index.js'
import { bodies, guideSign, secret, served, servedBot, token } from './bot-served.js'

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
    const server = await served(async () => Response.json(replies.shift()))
    const bot = createFeishuBot({
      webhook: `https://open.feishu.cn/open-apis/bot/v2/hook/${token}`,
      baseURL: server.url,
    })
    expect(await bot.sendText('old')).toEqual({
      vendor: 'feishu',
      raw: { StatusCode: 0, StatusMessage: 'success' },
    })
    await expect(bot.sendText('odd')).rejects.toMatchObject({ name: 'ResponseError', delivery: 'unknown' })
  })
})
