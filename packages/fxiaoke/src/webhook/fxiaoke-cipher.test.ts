import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decryptFxiaoke, encryptFxiaoke } from './fxiaoke-cipher.js'
import { padFxiaoke, unpadFxiaoke } from './fxiaoke-pkcs7.js'
import { fxiaokeSignature } from './fxiaoke-signature.js'

const encodingAesKey = randomBytes(32).toString('base64').slice(0, 43)
const keyBytes = Buffer.from(`${encodingAesKey}=`, 'base64')
const iv = keyBytes.subarray(0, 16)

/** The reference: the Java demo's steps with node:crypto, AES without padding. */
function nodeDecrypt(content: string) {
  const decipher = createDecipheriv('aes-256-cbc', keyBytes, iv).setAutoPadding(false)
  const plain = Buffer.concat([decipher.update(Buffer.from(content, 'base64')), decipher.final()])
  const pad = plain[plain.length - 1] as number
  const unpadded = plain.subarray(0, plain.length - pad)
  const length = unpadded.readUInt32BE(16)
  return {
    pad,
    message: unpadded.subarray(20, 20 + length).toString('utf8'),
    receiverId: unpadded.subarray(20 + length).toString('utf8'),
  }
}

function nodeEncrypt(message: string, receiverId: string): string {
  const text = Buffer.from(message, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(text.length)
  const framed = Buffer.concat([randomBytes(16), length, text, Buffer.from(receiverId, 'utf8')])
  const pad = 32 - (framed.length % 32)
  const cipher = createCipheriv('aes-256-cbc', keyBytes, iv).setAutoPadding(false)
  const padded = Buffer.concat([framed, Buffer.alloc(pad, pad)])
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64')
}

// Framing is 20 bytes: message lengths 11, 28, 27 and 12 give pads 1, 16, 17 and 32.
const fixedLengths = [11, 28, 27, 12, 0, 1, 43, 44, 300]
const randomLengths = Array.from({ length: 40 }, () => Math.floor(Math.random() * 700))

describe('Fxiaoke AES-256-CBC with 32-byte padding, WebCrypto against node:crypto', () => {
  it.each([...fixedLengths, ...randomLengths])('round-trips a %i-byte message both ways', async (size) => {
    const message = randomBytes(size).toString('hex').slice(0, size)
    const receiverId = size % 3 === 0 ? 'FSAID_app' : ''
    const ours = await encryptFxiaoke(encodingAesKey, message, { receiverId })
    const reference = nodeDecrypt(ours)
    expect(reference).toMatchObject({ message, receiverId })
    expect(reference.pad).toBe(32 - ((20 + size + receiverId.length) % 32))
    expect(Buffer.from(ours, 'base64').length % 32).toBe(0)
    expect(await decryptFxiaoke(encodingAesKey, nodeEncrypt(message, receiverId))).toEqual({
      message,
      receiverId,
    })
  })

  it('covers pads 1, 16, 17 and 32 among the fixed lengths', () => {
    expect(fixedLengths.slice(0, 4).map((size) => 32 - ((20 + size) % 32))).toEqual([1, 16, 17, 32])
  })

  it('keeps UTF-8 text and its byte length exact', async () => {
    const message = '{"content":"你好 👋"}'
    expect(nodeDecrypt(await encryptFxiaoke(encodingAesKey, message)).message).toBe(message)
  })

  it('rejects another key, a partial block, bad base64 and a length beyond the data', async () => {
    const content = await encryptFxiaoke(encodingAesKey, 'hello')
    const otherKey = randomBytes(32).toString('base64').slice(0, 43)
    await expect(decryptFxiaoke(otherKey, content)).rejects.toThrow()
    await expect(decryptFxiaoke(encodingAesKey, content.slice(0, -4))).rejects.toThrow()
    await expect(decryptFxiaoke(encodingAesKey, '!!!')).rejects.toThrow()
    await expect(decryptFxiaoke(encodingAesKey, '')).rejects.toThrow()
    const cipher = createCipheriv('aes-256-cbc', keyBytes, iv).setAutoPadding(false)
    const framed = Buffer.concat([randomBytes(16), Buffer.from([0, 0, 0, 99]), Buffer.alloc(12, 12)])
    const lying = Buffer.concat([cipher.update(framed), cipher.final()]).toString('base64')
    await expect(decryptFxiaoke(encodingAesKey, lying)).rejects.toThrow('length beyond the data')
  })
})

describe('Fxiaoke padding', () => {
  it('pads to 32-byte blocks with 1..32 bytes of the pad length and strips it again', () => {
    for (let size = 0; size < 70; size += 1) {
      const bytes = new Uint8Array(size).fill(7)
      const padded = padFxiaoke(bytes)
      const pad = padded.length - size
      expect(padded.length % 32).toBe(0)
      expect(pad >= 1 && pad <= 32).toBe(true)
      expect(padded.subarray(size).every((byte) => byte === pad)).toBe(true)
      expect(unpadFxiaoke(padded)).toEqual(bytes)
    }
  })

  it('refuses pad values 0 and 33 and inconsistent pad bytes', () => {
    expect(() => unpadFxiaoke(new Uint8Array(32))).toThrow('bad padding')
    expect(() => unpadFxiaoke(new Uint8Array(64).fill(33))).toThrow('bad padding')
    const mixed = new Uint8Array(32).fill(3)
    mixed[30] = 4
    expect(() => unpadFxiaoke(mixed)).toThrow('bad padding')
    expect(() => unpadFxiaoke(new Uint8Array(0))).toThrow('bad padding')
  })
})

describe('fxiaokeSignature', () => {
  it('is sha1 hex over the four strings sorted and concatenated, as the demo computes it', async () => {
    const { createHash } = await import('node:crypto')
    const parts = ['tok', '1700000000000', 'n0nce', 'Zm9v+/==']
    const expected = createHash('sha1')
      .update([...parts].sort().join(''))
      .digest('hex')
    expect(
      await fxiaokeSignature(parts[0] as string, parts[1] as string, parts[2] as string, parts[3] as string),
    ).toBe(expected)
    // The sort puts digits before letters: the timestamp comes first here.
    expect([...parts].sort()[0]).toBe('1700000000000')
  })
})

it('the webhook imports nothing from node:* (it runs in Workers, Deno, Bun and browsers)', () => {
  const root = new URL('.', import.meta.url).pathname
  const files = readdirSync(root).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  expect(files.length).toBeGreaterThan(5)
  for (const file of files) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/from ['"]node:/)
})
