import { createHash } from 'node:crypto'
import { MsgError, type TextChannel, withFallback } from '@msg/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createNeteaseIm } from './index.js'
import { createCheckSum, createNeteaseImAuth, createSignatureHeaders } from './netease-im-auth.js'
import { createNeteaseImFake } from './testing/index.js'

describe('createCheckSum', () => {
  it('matches the vectors in the vendor notes (lowercase hex SHA-1 of secret + nonce + curTime)', async () => {
    expect(await createCheckSum('secret', 'nonce', '1700000000')).toBe(
      'c0b87c883bf8a70941d7e81c14cc7c7e7ccd3ba2',
    )
    expect(await createCheckSum('xxxxxxxxxxxx', '4tgggergigwow323t23t', '1443592222')).toBe(
      '279e97561da5eecaea8a0ff0f0503e8a91e0097c',
    )
  })

  it('hashes UTF-8 like node:crypto does', async () => {
    const expected = createHash('sha1').update('密钥n1700000000', 'utf8').digest('hex')
    expect(await createCheckSum('密钥', 'n', '1700000000')).toBe(expected)
  })
})

describe('createSignatureHeaders', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('makes a fresh 32-hex Nonce, CurTime in seconds and the matching CheckSum every time', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_900, toFake: ['Date'] })
    const first = await createSignatureHeaders({ appKey: 'key', appSecret: 'secret' })
    const second = await createSignatureHeaders({ appKey: 'key', appSecret: 'secret' })
    expect(first.AppKey).toBe('key')
    expect(first.CurTime).toBe('1700000000')
    expect(first.Nonce).toMatch(/^[0-9a-f]{32}$/)
    expect(first.CheckSum).toBe(await createCheckSum('secret', first.Nonce, '1700000000'))
    expect(second.Nonce).not.toBe(first.Nonce)
    expect(second.CheckSum).not.toBe(first.CheckSum)
  })

  it('shifts CurTime by clockOffsetMs', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['Date'] })
    const headers = await createSignatureHeaders({ appKey: 'k', appSecret: 's', clockOffsetMs: -600_000 })
    expect(headers.CurTime).toBe('1699999400')
  })
})

describe('createNeteaseImAuth', () => {
  it('signs every attempt afresh with the app secret', async () => {
    const auth = createNeteaseImAuth({ appKey: 'key', appSecret: 'secret', clockOffsetMs: 0 })
    const first = (await auth.credentials()).headers
    const second = (await auth.credentials()).headers
    expect(first).toMatchObject({ AppKey: 'key', Nonce: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(first?.CheckSum).toBe(await createCheckSum('secret', first?.Nonce ?? '', first?.CurTime ?? ''))
    expect(second?.Nonce).not.toBe(first?.Nonce)
    expect(auth.refresh).toBeUndefined()
  })

  it('sends only AppKey, or nothing, when a proxy signs', async () => {
    expect(await createNeteaseImAuth({ appKey: 'key', clockOffsetMs: 0 }).credentials()).toEqual({
      headers: { AppKey: 'key' },
    })
    expect(await createNeteaseImAuth({ clockOffsetMs: 0 }).credentials()).toEqual({ headers: {} })
  })
})

describe('a signature that cannot be computed (WebCrypto without crypto.subtle)', () => {
  beforeEach(() => {
    // A browser page outside a secure context: random values, but no SubtleCrypto.
    const { crypto } = globalThis
    vi.stubGlobal('crypto', {
      getRandomValues: crypto.getRandomValues.bind(crypto),
      randomUUID: crypto.randomUUID.bind(crypto),
    })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('fails the send as not sent, sends nothing, and lets withFallback reach the next channel', async () => {
    expect(globalThis.crypto.subtle).toBeUndefined()
    const fake = createNeteaseImFake()
    const client = createNeteaseIm({
      appKey: 'test-app-key',
      appSecret: 'test-app-secret',
      fetch: fake.fetch,
    })
    const target = { from: 'alice', to: 'bob', type: 'p2p' } as const
    const error = await client.sendText(target, 'hi').catch((caught: unknown) => caught)
    expect(MsgError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ vendor: 'netease-im', delivery: 'not-sent' })
    expect((error as Error).message).toContain('nothing was sent: no crypto.subtle to sign with')
    expect(JSON.stringify(error)).not.toContain('test-app-secret')
    expect(fake.requests).toHaveLength(0)

    const other: TextChannel = {
      vendor: 'other',
      send: async (text) => ({ vendor: 'other', messageId: 'other-1', raw: text }),
    }
    const sent = await withFallback([client.channel(target), other]).send('hi')
    expect(sent).toEqual({ vendor: 'other', messageId: 'other-1', raw: 'hi' })
    expect(fake.requests).toHaveLength(0)
  })
})
