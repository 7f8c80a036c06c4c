import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha1Hex } from './sha1.js'

const reference = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex')

describe('sha1Hex', () => {
  it('matches the FIPS 180 test vectors', () => {
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709')
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    )
  })

  it('matches node:crypto on every length around the block boundaries and on non-ASCII text', () => {
    for (let length = 0; length <= 200; length++) {
      const text = 'x'.repeat(length)
      expect(sha1Hex(text)).toBe(reference(text))
    }
    for (const text of ['秘密nonce1700000000', 'é😀\u0000\uffff', 'a'.repeat(100_000)])
      expect(sha1Hex(text)).toBe(reference(text))
  })

  it('matches WebCrypto on random signing inputs', async () => {
    for (let round = 0; round < 50; round++) {
      const text = `secret-${Math.random()}${'ü'.repeat(round)}${Date.now()}`
      const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text))
      const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
      expect(sha1Hex(text)).toBe(hex)
    }
  })
})
