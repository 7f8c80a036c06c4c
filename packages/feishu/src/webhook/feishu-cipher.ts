import { fromBase64, toBase64 } from '@msg/core'

const encoder = new TextEncoder()
const keys = new Map<string, Promise<CryptoKey>>()

/** The AES-256 key: `sha256(utf8(encryptKey))`, imported once per Encrypt Key. */
function aesKey(encryptKey: string): Promise<CryptoKey> {
  let key = keys.get(encryptKey)
  if (!key) {
    key = crypto.subtle
      .digest('SHA-256', encoder.encode(encryptKey))
      .then((raw) => crypto.subtle.importKey('raw', raw, 'AES-CBC', false, ['encrypt', 'decrypt']))
    // A handful of keys per process at most; the cap only guards against misuse.
    if (keys.size > 16) keys.clear()
    keys.set(encryptKey, key)
  }
  return key
}

/**
 * Decrypts the `encrypt` field of a Feishu push: base64 of a 16-byte IV followed by AES-256-CBC
 * (PKCS#7 padding) of the UTF-8 plaintext, keyed with `sha256(encryptKey)`. Rejects on a wrong key,
 * bad padding or bad base64.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 */
export async function decryptFeishu(encryptKey: string, encrypted: string): Promise<string> {
  const blob = fromBase64(encrypted)
  if (blob.length < 32 || blob.length % 16 !== 0) throw new Error('not an AES-CBC ciphertext')
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-CBC', iv: blob.subarray(0, 16) },
    await aesKey(encryptKey),
    blob.subarray(16),
  )
  return new TextDecoder('utf-8', { fatal: true }).decode(plain)
}

/**
 * Encrypts `plaintext` as Feishu does, with a random IV (or the given one): the inverse of
 * {@link decryptFeishu}, for the testing kit and for tests.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 */
export async function encryptFeishu(
  encryptKey: string,
  plaintext: string,
  iv: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(16)),
): Promise<string> {
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, await aesKey(encryptKey), encoder.encode(plaintext)),
  )
  const blob = new Uint8Array(16 + cipher.length)
  blob.set(iv)
  blob.set(cipher, 16)
  return toBase64(blob)
}
