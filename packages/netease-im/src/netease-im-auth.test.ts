import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCheckSum, createSignatureHeaders } from './netease-im-auth.js'

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
