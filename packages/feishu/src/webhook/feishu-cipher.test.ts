import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decryptFeishu, encryptFeishu } from './feishu-cipher.js'
import { feishuLegacyCardSignature, feishuSignature } from './feishu-signature.js'

/** Feishu's scheme written with node:crypto, independently of the WebCrypto code under test. */
function nodeEncrypt(encryptKey: string, plaintext: string): string {
  const key = createHash('sha256').update(encryptKey, 'utf8').digest()
  const iv = randomBytes(16)
  const cipher = createCipheriv('aes-256-cbc', key, iv)
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64')
}

function nodeDecrypt(encryptKey: string, encrypted: string): string {
  const key = createHash('sha256').update(encryptKey, 'utf8').digest()
  const blob = Buffer.from(encrypted, 'base64')
  const decipher = createDecipheriv('aes-256-cbc', key, blob.subarray(0, 16))
  return Buffer.concat([decipher.update(blob.subarray(16)), decipher.final()]).toString('utf8')
}

const keys = fc.string({ minLength: 1, maxLength: 64, unit: 'grapheme' })
const bodies = fc.string({ maxLength: 2000, unit: 'grapheme' })

describe('Feishu AES-256-CBC', () => {
  it('decrypts what node:crypto encrypts, for random keys and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(keys, bodies, async (key, body) => {
        expect(await decryptFeishu(key, nodeEncrypt(key, body))).toBe(body)
      }),
      { numRuns: 150 },
    )
  })

  it('encrypts what node:crypto decrypts, with a fresh IV each time', async () => {
    await fc.assert(
      fc.asyncProperty(keys, bodies, async (key, body) => {
        const encrypted = await encryptFeishu(key, body)
        expect(nodeDecrypt(key, encrypted)).toBe(body)
        expect(await encryptFeishu(key, body)).not.toBe(encrypted)
      }),
      { numRuns: 150 },
    )
  })

  it("decrypts the example of Feishu's docs", async () => {
    // From the encryption page: key "test key", ciphertext of "hello world".
    const encrypted = 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk='
    expect(await decryptFeishu('test key', encrypted)).toBe('hello world')
  })

  it('rejects a wrong key or a truncated ciphertext', async () => {
    const encrypted = nodeEncrypt('right key', '{"a":1}')
    await expect(decryptFeishu('wrong key', encrypted)).rejects.toThrow()
    await expect(decryptFeishu('right key', encrypted.slice(0, 20))).rejects.toThrow()
  })
})

describe('Feishu signatures', () => {
  it('match sha256 and sha1 over timestamp + nonce + secret + raw bytes, as node:crypto computes them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        fc.string(),
        keys,
        fc.uint8Array({ maxLength: 500 }),
        async (ts, nonce, key, body) => {
          const prefix = Buffer.from(ts + nonce + key, 'utf8')
          const sha256 = createHash('sha256').update(prefix).update(body).digest('hex')
          const sha1 = createHash('sha1').update(prefix).update(body).digest('hex')
          expect(await feishuSignature(ts, nonce, key, body)).toBe(sha256)
          expect(await feishuLegacyCardSignature(ts, nonce, key, body)).toBe(sha1)
        },
      ),
      { numRuns: 150 },
    )
  })
})
