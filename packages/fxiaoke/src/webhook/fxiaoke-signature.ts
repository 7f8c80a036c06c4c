import { toHex } from '@msg/core'

/**
 * The `sig` of a Fxiaoke push: lowercase hex of `sha1` over the four strings token, `timeStamp`,
 * `nonce` and the encrypted `content`, sorted (by UTF-16 code units, as Java's `Arrays.sort`) and
 * concatenated. As in Fxiaoke's official Java demo (2015); UNVERIFIED against today's platform.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/utils/SigUtils.java
 */
export async function fxiaokeSignature(
  token: string,
  timeStamp: string,
  nonce: string,
  content: string,
): Promise<string> {
  const joined = [token, timeStamp, nonce, content].sort().join('')
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(joined))
  return toHex(new Uint8Array(digest))
}
