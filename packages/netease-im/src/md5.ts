import { toHex } from '@msg/core'
import { md5 } from '@noble/hashes/legacy.js'

const encoder = new TextEncoder()

/**
 * Lowercase hex MD5 of bytes, or of a string's UTF-8 bytes. WebCrypto has no MD5, so this uses the
 * audited, dependency-free `@noble/hashes`, which runs in every runtime.
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export function md5Hex(bytes: Uint8Array | string): string {
  return toHex(md5(typeof bytes === 'string' ? encoder.encode(bytes) : bytes))
}
