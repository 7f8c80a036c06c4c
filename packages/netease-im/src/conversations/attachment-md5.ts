import { md5Hex } from '../md5.js'

/**
 * The `md5` of an attachment: lowercase hex MD5 of the file's bytes (a string counts as its UTF-8
 * bytes). Pair it with `size: bytes.byteLength` and the file's `url`.
 * @see README.md#attachments-and-md5
 */
export function attachmentMd5(bytes: Uint8Array | ArrayBuffer | string): string {
  return md5Hex(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes)
}
