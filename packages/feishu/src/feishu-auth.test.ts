import { MsgError, type SentMessage, type TextChannel, type TokenStore, withFallback } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { tenantAccessTokenPath } from './auth/tenant-access-token.js'
import { createFeishu } from './feishu-client.js'
import type { FeishuSettings } from './feishu-settings.js'
import { createFeishuFake } from './testing/index.js'

const isTokenRequest = (request: Request) => new URL(request.url).pathname === tenantAccessTokenPath

/** A second channel that always delivers, to see `withFallback` move on. */
function otherChannel() {
  const sent: unknown[] = []
  const channel: TextChannel = {
    vendor: 'other',
    send: async (text): Promise<SentMessage> => {
      sent.push(text)
      return { vendor: 'other', messageId: `other-${sent.length}`, raw: null }
    },
  }
  return { channel, sent }
}

const failingStore: TokenStore = {
  get: () => Promise.reject(new Error('store down')),
  set: () => Promise.reject(new Error('store down')),
  delete: () => Promise.reject(new Error('store down')),
}

type Case = {
  name: string
  settings: (fake: ReturnType<typeof createFeishuFake>) => Partial<FeishuSettings>
  arrange?: (fake: ReturnType<typeof createFeishuFake>) => void
  warns?: boolean
}

const cases: Case[] = [
  {
    name: 'a tenantAccessToken function that throws',
    settings: () => ({
      tenantAccessToken: () => {
        throw new Error('token service unreachable')
      },
    }),
  },
  {
    name: 'a tenantAccessToken function that rejects',
    settings: () => ({ tenantAccessToken: () => Promise.reject(new Error('token service said no')) }),
  },
  {
    name: 'a token endpoint that refuses the app (wrong secret, code 10014)',
    settings: (fake) => ({ appId: fake.appId, appSecret: 'wrong-secret' }),
  },
  {
    name: 'a token endpoint that answers a failure code',
    settings: (fake) => ({ appId: fake.appId, appSecret: fake.appSecret }),
    arrange: (fake) =>
      fake.inject({ kind: 'code', code: 10003, status: 400 }, { match: isTokenRequest, times: 2 }),
  },
  {
    name: 'a token endpoint that refuses the credentials (auth-failed fault)',
    settings: (fake) => ({ appId: fake.appId, appSecret: fake.appSecret }),
    arrange: (fake) => fake.inject({ kind: 'auth-failed' }, { match: isTokenRequest, times: 2 }),
  },
  {
    name: 'a token endpoint that is down (HTTP 500, retries spent)',
    settings: (fake) => ({ appId: fake.appId, appSecret: fake.appSecret, retry: 0 }),
    arrange: (fake) => fake.inject({ kind: 'server-error' }, { match: isTokenRequest, times: 2 }),
  },
  {
    name: 'a failing token store and a refusing token endpoint',
    settings: (fake) => ({ appId: fake.appId, appSecret: 'wrong-secret', tokenStore: failingStore }),
    warns: true,
  },
]

describe('credentials that cannot be obtained', () => {
  for (const { name, settings, arrange, warns } of cases) {
    it(`${name}: MsgError, not-sent, nothing sent, the fallback channel delivers`, async () => {
      const fake = createFeishuFake()
      const warnings: string[] = []
      const client = createFeishu({
        ...settings(fake),
        fetch: fake.fetch,
        hooks: { warning: (event) => warnings.push(event.message) },
      } as FeishuSettings)
      arrange?.(fake)
      const sends = () =>
        fake.requests.filter((request) => request.path.startsWith('/open-apis/im/v1/messages'))

      const error = await client.sendText({ chatId: 'oc_1' }, 'hi').catch((caught: unknown) => caught)
      expect(MsgError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ vendor: 'feishu', delivery: 'not-sent' })
      expect(sends()).toHaveLength(0)

      const other = otherChannel()
      const sent = await withFallback([client.channel({ chatId: 'oc_1' }), other.channel]).send('fallback')
      expect(sent).toMatchObject({ vendor: 'other' })
      expect(other.sent).toEqual(['fallback'])
      expect(sends()).toHaveLength(0)
      expect(fake.inbox).toHaveLength(0)
      if (warns) expect(warnings.some((message) => message.includes('store down'))).toBe(true)
    })
  }
})

describe('a failing token store alone (degraded mode)', () => {
  it('warns and sends with a token fetched directly', async () => {
    const fake = createFeishuFake()
    const warnings: string[] = []
    const client = createFeishu({
      appId: fake.appId,
      appSecret: fake.appSecret,
      tokenStore: failingStore,
      fetch: fake.fetch,
      hooks: { warning: (event) => warnings.push(event.message) },
    })
    const sent = await client.sendText({ chatId: 'oc_1' }, 'still works')
    expect(sent.messageId).toBe(fake.inbox[0]?.message_id)
    expect(fake.inbox[0]?.text).toBe('still works')
    expect(warnings.length).toBeGreaterThanOrEqual(1)
    expect(warnings[0]).toContain('[@msg/feishu]')
  })
})
