import { describe, expect, it } from 'vitest'
import { feishuBotSign } from '../bot/bot-sign.js'
import { createFeishuBotFake } from './feishu-bot-fake.js'

const post = (fake: { fetch: typeof fetch }, path: string, body: unknown) =>
  fake.fetch(`https://open.feishu.cn${path}`, { method: 'POST', body: JSON.stringify(body) })

describe('createFeishuBotFake', () => {
  const now = 1_700_000_000_000
  const secret = 'fake-secret'
  const text = { msg_type: 'text', content: { text: 'hi' } }

  it('checks the token, the JSON, the timestamp window and the signature like the bot', async () => {
    const fake = createFeishuBotFake({ secret, now: () => now })
    const path = new URL(fake.webhook).pathname
    const signed = async (seconds: number) => ({
      ...text,
      timestamp: String(seconds),
      sign: await feishuBotSign(String(seconds), secret),
    })
    const codes = async (response: Response) => ((await response.json()) as { code: number }).code
    expect(
      await codes(await post(fake, '/open-apis/bot/v2/hook/other-token', await signed(now / 1000))),
    ).toBe(19001)
    expect((await post(fake, '/open-apis/bot/v2/hooks/x', text)).status).toBe(404)
    expect(await codes(await fake.fetch(fake.webhook, { method: 'POST', body: '{"msg_type":' }))).toBe(9499)
    expect(await codes(await post(fake, path, text))).toBe(19021)
    expect(await codes(await post(fake, path, await signed(now / 1000 - 3601)))).toBe(19021)
    expect(await codes(await post(fake, path, await signed(now / 1000 + 3601)))).toBe(19021)
    expect(await codes(await post(fake, path, { ...(await signed(now / 1000)), sign: 'AAAA' }))).toBe(19021)
    expect(
      await codes(await post(fake, path, { ...(await signed(now / 1000)), timestamp: now / 1000 })),
    ).toBe(19021)
    expect(await codes(await post(fake, path, await signed(now / 1000 - 3600)))).toBe(0)
    expect(fake.inbox).toEqual([
      { msg_type: 'text', content: { text: 'hi' }, timestamp: String(now / 1000 - 3600), receivedAt: now },
    ])
  })

  it('refuses bad shapes and bodies over 20 KB with 9499, and resets its rate window', async () => {
    let time = now
    const fake = createFeishuBotFake({ perSecond: 1, now: () => time })
    const path = new URL(fake.webhook).pathname
    const code = async (body: unknown) =>
      ((await (await post(fake, path, body)).json()) as { code: number }).code
    expect(await code({ msg_type: 'interactive', content: {} })).toBe(9499)
    expect(await code({ msg_type: 'image', content: { image_key: '' } })).toBe(9499)
    expect(await code({ msg_type: 'text', content: { text: 'x'.repeat(20 * 1024) } })).toBe(9499)
    expect(await code(text)).toBe(0)
    expect(await code(text)).toBe(11232)
    time += 1000
    expect(await code(text)).toBe(0)
    fake.reset()
    expect(await code(text)).toBe(0)
    expect(fake.inbox).toHaveLength(1)
  })
})
