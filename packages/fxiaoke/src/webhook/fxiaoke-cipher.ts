import { fromBase64, toBase64 } from '@msg/core'
import { padFxiaoke, unpadFxiaoke } from './fxiaoke-pkcs7.js'

const encoder = new TextEncoder()
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const keys = new Map<string, Promise<{ key: CryptoKey; iv: Uint8Array<ArrayBuffer> }>>()
/** An EncodingAESKey: 43 characters of standard base64, 32 bytes once a `=` is appended. */
const encodingAesKeyPattern = /^[A-Za-z0-9+/]{43}$/

/**
 * A decrypted push: the message (what follows the 16 random bytes and the 4-byte length) and the
 * bytes after it, which WeCom-style schemes use for the receiving app's or corp's id.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/utils/SigUtils.java
 */
export interface FxiaokeDecrypted {
  message: string
  receiverId: string
}

/**
 * True for a well-formed EncodingAESKey (43 base64 characters).
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/utils/SigUtils.java
 */
export const isEncodingAesKey = (value: unknown): value is string =>
  typeof value === 'string' && encodingAesKeyPattern.test(value)

/** The AES-256 key `base64decode(encodingAesKey + "=")` and its first 16 bytes as the IV. */
function aesKey(encodingAesKey: string) {
  let entry = keys.get(encodingAesKey)
  if (!entry) {
    if (!isEncodingAesKey(encodingAesKey)) throw new Error('an EncodingAESKey is 43 base64 characters')
    const raw = fromBase64(`${encodingAesKey}=`)
    entry = crypto.subtle
      .importKey('raw', raw, 'AES-CBC', false, ['encrypt', 'decrypt'])
      .then((key) => ({ key, iv: raw.slice(0, 16) }))
    // A handful of keys per process at most; the cap only guards against misuse.
    if (keys.size > 16) keys.clear()
    keys.set(encodingAesKey, entry)
  }
  return entry
}

/**
 * Raw AES-256-CBC decryption with WebCrypto alone. WebCrypto insists on 16-byte PKCS#7 padding and
 * Fxiaoke pads to 32 bytes (pad values up to 32), so one block is appended first: the encryption of
 * sixteen 0x10 bytes chained on the last ciphertext block. It decrypts to exactly a full padding
 * block, which WebCrypto checks and strips, leaving the original plaintext untouched.
 */
async function decryptRaw(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, cipher: Uint8Array) {
  const last = cipher.slice(cipher.length - 16)
  // Encrypting nothing yields one block: E(0x10 × 16 XOR last).
  const tail = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-CBC', iv: last }, key, new Uint8Array(0)),
  )
  const blob = new Uint8Array(cipher.length + 16)
  blob.set(cipher)
  blob.set(tail, cipher.length)
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, key, blob))
}

/**
 * Decrypts the `content` of a Fxiaoke push: base64 of AES-256-CBC (key
 * `base64decode(encodingAesKey + "=")`, IV its first 16 bytes) over
 * `random(16) | length(4, big-endian) | message (UTF-8) | receiver id`, padded to 32-byte blocks.
 * Rejects bad base64, a ciphertext that is not whole AES blocks, bad padding, a length beyond the
 * data and non-UTF-8 text. As in Fxiaoke's official Java demo (2015); UNVERIFIED against today's platform.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/utils/SigUtils.java
 */
export async function decryptFxiaoke(encodingAesKey: string, content: string): Promise<FxiaokeDecrypted> {
  const { key, iv } = await aesKey(encodingAesKey)
  const cipher = fromBase64(content)
  if (cipher.length === 0 || cipher.length % 16 !== 0) throw new Error('not an AES-CBC ciphertext')
  const plain = unpadFxiaoke(await decryptRaw(key, iv, cipher))
  if (plain.length < 20) throw new Error('shorter than its framing')
  const length = new DataView(plain.buffer, plain.byteOffset + 16, 4).getUint32(0)
  if (20 + length > plain.length) throw new Error('length beyond the data')
  return {
    message: strictUtf8.decode(plain.subarray(20, 20 + length)),
    receiverId: strictUtf8.decode(plain.subarray(20 + length)),
  }
}

/**
 * Encrypts `message` as a Fxiaoke push `content`: the inverse of {@link decryptFxiaoke}, for the
 * testing kit and tests. WebCrypto pads to 16 bytes, so the 32-byte padding goes on first and the
 * block WebCrypto adds (a full padding block, always the last) is dropped.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/utils/PKCS7Encoder.java
 */
export async function encryptFxiaoke(
  encodingAesKey: string,
  message: string,
  options: { receiverId?: string; random?: Uint8Array } = {},
): Promise<string> {
  const { key, iv } = await aesKey(encodingAesKey)
  const text = encoder.encode(message)
  const receiver = encoder.encode(options.receiverId ?? '')
  const framed = new Uint8Array(20 + text.length + receiver.length)
  framed.set(options.random ?? crypto.getRandomValues(new Uint8Array(16)))
  new DataView(framed.buffer).setUint32(16, text.length)
  framed.set(text, 20)
  framed.set(receiver, 20 + text.length)
  const padded = padFxiaoke(framed)
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, padded))
  return toBase64(cipher.subarray(0, padded.length))
}
