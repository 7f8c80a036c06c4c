import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { md5Hex } from './md5.js'

const nodeMd5 = (input: Uint8Array | string) =>
  createHash('md5')
    .update(typeof input === 'string' ? Buffer.from(input, 'utf8') : input)
    .digest('hex')

describe('md5Hex', () => {
  it('matches the RFC 1321 test vectors', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e')
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72')
    expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0')
  })

  it('hashes a string as its UTF-8 bytes', () => {
    expect(md5Hex('网易云信 ✓ 🎉')).toBe(nodeMd5(new TextEncoder().encode('网易云信 ✓ 🎉')))
  })

  it.each([0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000])(
    'matches node:crypto at %i bytes (padding boundaries)',
    (length) => {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 31 + 7) & 0xff)
      expect(md5Hex(bytes)).toBe(nodeMd5(bytes))
    },
  )

  it('matches node:crypto for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => md5Hex(bytes) === nodeMd5(bytes)),
      { numRuns: 300 },
    )
  })

  it('matches node:crypto for any string, multi-byte UTF-8 included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => md5Hex(text) === nodeMd5(text)),
      { numRuns: 300 },
    )
  })
})
