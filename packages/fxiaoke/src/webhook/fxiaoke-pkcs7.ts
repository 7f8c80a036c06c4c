/**
 * The block size of Fxiaoke's padding: 32 bytes, twice the AES block.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/utils/PKCS7Encoder.java
 */
export const fxiaokePaddingBlock = 32

/**
 * Pads `bytes` to a multiple of 32 bytes the way Fxiaoke's PKCS#7 variant does: `n` bytes of value
 * `n`, 1 ≤ n ≤ 32 (a full 32-byte block when `bytes` already fills its last block).
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/utils/PKCS7Encoder.java
 */
export function padFxiaoke(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const pad = fxiaokePaddingBlock - (bytes.length % fxiaokePaddingBlock)
  const padded = new Uint8Array(bytes.length + pad)
  padded.set(bytes)
  padded.fill(pad, bytes.length)
  return padded
}

/**
 * Removes Fxiaoke's 32-byte PKCS#7 padding, strictly: the last byte `n` must be 1..32 and the last
 * `n` bytes must all equal `n`. Anything else throws (the official demo silently keeps such bytes;
 * a wrong EncodingAESKey would then surface as garbage instead of an error).
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/utils/PKCS7Encoder.java
 */
export function unpadFxiaoke(bytes: Uint8Array): Uint8Array {
  const pad = bytes[bytes.length - 1] ?? 0
  if (pad < 1 || pad > fxiaokePaddingBlock || pad > bytes.length) throw new Error('bad padding')
  for (let index = bytes.length - pad; index < bytes.length; index += 1) {
    if (bytes[index] !== pad) throw new Error('bad padding')
  }
  return bytes.subarray(0, bytes.length - pad)
}
