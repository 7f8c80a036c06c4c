import { md5 } from '@noble/hashes/legacy.js'
import { bytesToHex } from '@noble/hashes/utils.js'

/**
 * Lowercase hex MD5 of bytes, or of a string's UTF-8 bytes: what NetEase expects in an attachment's
 * `md5` and in a callback's `MD5` header. Runtime-neutral (`@noble/hashes`; WebCrypto has no MD5).
 * @see https://doc.yunxin.163.com/messaging/server-apis/zQyNDM0NzE
 */
export function md5Hex(bytes: Uint8Array | string): string {
  return bytesToHex(md5(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes))
}
