import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createFeishuBot, type FeishuBotBody } from '../src/bot/index.js'
import { guideSign, secret, servedBot, textBody, token } from './bot-served.js'

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
