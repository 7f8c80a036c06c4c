import { NetworkError } from '@msg/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFeishuBotFake } from '../testing/feishu-bot-fake.js'
import { createFeishuBot } from './feishu-bot.js'
import { feishuBotNoticeCard } from './index.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('createFeishuBot pacing (default: wait)', () => {
  it('holds the 6th send of a burst until the first leaves the sliding second, then sends it', async () => {
    vi.useFakeTimers()
    const fake = createFeishuBotFake({ perSecond: 1000 })
    const bot = createFeishuBot({ webhook: fake.webhook, fetch: fake.fetch })
    const sends = Array.from({ length: 6 }, (_, index) => bot.sendText(`n${index}`))
    await vi.advanceTimersByTimeAsync(10)
    expect(fake.inbox).toHaveLength(5)
    await vi.advanceTimersByTimeAsync(980)
    expect(fake.inbox).toHaveLength(5)
    await vi.advanceTimersByTimeAsync(20)
    await Promise.all(sends)
    expect(fake.inbox.map((entry) => entry.content)).toEqual(
      Array.from({ length: 6 }, (_, index) => ({ text: `n${index}` })),
    )
  })

  it('an abort while waiting for a slot is a NetworkError with nothing sent', async () => {
    vi.useFakeTimers()
    const fake = createFeishuBotFake()
    const bot = createFeishuBot({ webhook: fake.webhook, fetch: fake.fetch, pacing: { perSecond: 1 } })
    await bot.sendText('first')
    const controller = new AbortController()
    const waiting = bot.sendText('second', { signal: controller.signal }).catch((caught: unknown) => caught)
    controller.abort(new Error('shutting down'))
    const error = await waiting
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'not-sent' })
    expect(fake.requests).toHaveLength(1)
  })
})

describe('feishuBotNoticeCard', () => {
  it("labels the link button 'Open' unless told otherwise, and omits the header without a title", () => {
    expect(feishuBotNoticeCard({ text: 't', url: 'https://a.example/' })).toEqual({
      schema: '2.0',
      body: {
        elements: [
          { tag: 'markdown', content: 't' },
          {
            tag: 'button',
            text: { tag: 'plain_text', content: 'Open' },
            type: 'primary',
            behaviors: [{ type: 'open_url', default_url: 'https://a.example/' }],
          },
        ],
      },
    })
  })
})
