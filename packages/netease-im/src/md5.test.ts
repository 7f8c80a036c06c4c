import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { md5Hex } from './md5.js'

const nodeMd5 = (data: Uint8Array | string) => createHash('md5').update(data).digest('hex')

describe('md5Hex', () => {
  it('matches the RFC 1321 test suite', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e')
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72')
    expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0')
  })

  it('agrees with node:crypto for random bytes and for random strings as UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        expect(md5Hex(bytes)).toBe(nodeMd5(bytes))
      }),
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 1000, unit: 'grapheme' }), (text) => {
        expect(md5Hex(text)).toBe(nodeMd5(Buffer.from(text, 'utf8')))
        expect(md5Hex(text)).toBe(md5Hex(new TextEncoder().encode(text)))
      }),
    )
  })
})
