const hexDigits = '0123456789abcdef'

/**
 * Lowercase hex SHA-1 of a text's UTF-8 bytes (FIPS 180-4), computed synchronously in plain code.
 * For short signing inputs (NetEase's `CheckSum`) this is far cheaper than WebCrypto's
 * `crypto.subtle.digest`, whose per-call setup dominates on inputs of a few dozen bytes.
 * SHA-1 is used there only because the vendor's signature scheme requires it.
 * @see https://nvlpubs.nist.gov/nistpubs/FIPS/NIST.FIPS.180-4.pdf
 */
export function sha1Hex(text: string): string {
  const bytes = new TextEncoder().encode(text)
  const length = bytes.length
  // Message, 0x80, zero padding, then the bit length in the last 8 bytes of a 64-byte block.
  const blocks = ((length + 8) >>> 6) + 1
  const words = new Int32Array(blocks * 16)
  for (let index = 0; index < length; index++)
    words[index >>> 2]! |= (bytes[index] as number) << (24 - (index & 3) * 8)
  words[length >>> 2]! |= 0x80 << (24 - (length & 3) * 8)
  words[blocks * 16 - 1] = length << 3
  words[blocks * 16 - 2] = Math.floor(length / 0x20000000)
  const schedule = new Int32Array(80)
  let h0 = 0x67452301
  let h1 = 0xefcdab89 | 0
  let h2 = 0x98badcfe | 0
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0 | 0
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 16; t++) schedule[t] = words[block + t] as number
    for (let t = 16; t < 80; t++) {
      const mixed =
        (schedule[t - 3] as number) ^
        (schedule[t - 8] as number) ^
        (schedule[t - 14] as number) ^
        (schedule[t - 16] as number)
      schedule[t] = (mixed << 1) | (mixed >>> 31)
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    for (let t = 0; t < 80; t++) {
      const f =
        t < 20
          ? ((b & c) | (~b & d)) + 0x5a827999
          : t < 40
            ? (b ^ c ^ d) + 0x6ed9eba1
            : t < 60
              ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc
              : (b ^ c ^ d) + 0xca62c1d6
      const next = (((a << 5) | (a >>> 27)) + f + e + (schedule[t] as number)) | 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = next
    }
    h0 = (h0 + a) | 0
    h1 = (h1 + b) | 0
    h2 = (h2 + c) | 0
    h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0
  }
  let hex = ''
  for (const word of [h0, h1, h2, h3, h4])
    for (let shift = 28; shift >= 0; shift -= 4) hex += hexDigits[(word >>> shift) & 15]
  return hex
}
