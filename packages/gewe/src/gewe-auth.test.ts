import { MsgError, type TextChannel, withFallback } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createGewe, type GeweTokenProvider } from './index.js'
import { createGeweFake } from './testing/index.js'

const token = 'tok-0123456789abcdef'
const target = { appId: 'wx_app_1', toWxid: 'wxid_friend' }

const failingProviders: [string, GeweTokenProvider][] = [
  [
    'throws',
    () => {
      throw new Error('vault locked')
    },
  ],
  ['rejects', async () => Promise.reject(new Error('vault down'))],
]

describe('X-GEWE-TOKEN credentials', () => {
  it('reads a token function before every attempt and sends its value', async () => {
    const fake = createGeweFake({ token })
    let calls = 0
    const client = createGewe({
      token: () => {
        calls++
        return token
      },
      fetch: fake.fetch,
      pacing: false,
    })
    await client.sendText(target, 'one')
    await client.sendText(target, 'two')
    expect(calls).toBe(2)
    expect(fake.requests.map((request) => request.headers['x-gewe-token'])).toEqual([token, token])
  })

  it.each(failingProviders)(
    'a token function that %s: MsgError, not sent, no request',
    async (_, provider) => {
      const fake = createGeweFake({ token })
      const client = createGewe({ token: provider, fetch: fake.fetch, pacing: false })
      const failure = await client.sendText(target, 'hello').catch((error: unknown) => error)
      expect(MsgError.isInstance(failure)).toBe(true)
      expect(failure).toMatchObject({ vendor: 'gewe', delivery: 'not-sent' })
      expect(fake.requests).toHaveLength(0)
      expect(fake.inbox).toHaveLength(0)
    },
  )

  it.each(failingProviders)(
    'a token function that %s: withFallback reaches the next channel',
    async (_, provider) => {
      const fake = createGeweFake({ token })
      const client = createGewe({ token: provider, fetch: fake.fetch, pacing: false })
      const sentByOther: unknown[] = []
      const other: TextChannel = {
        vendor: 'feishu',
        send: async (text) => {
          sentByOther.push(text)
          return { vendor: 'feishu', messageId: 'om_1', raw: {} }
        },
      }
      await expect(withFallback([client.channel(target), other]).send('hello')).resolves.toMatchObject({
        vendor: 'feishu',
      })
      expect(sentByOther).toEqual(['hello'])
      expect(fake.requests).toHaveLength(0)
    },
  )
})
