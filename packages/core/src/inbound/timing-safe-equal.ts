const encoder = new TextEncoder()

/**
 * Compares two strings (signatures, tokens) in time that depends only on their lengths, never on
 * where they first differ. Different lengths compare unequal.
 * @see @msg/core README.md#inbound-webhooks
 */
export function timingSafeEqual(actual: string, expected: string): boolean {
  const a = encoder.encode(actual)
  const b = encoder.encode(expected)
  let difference = a.length ^ b.length
  for (let index = 0; index < b.length; index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0)
  return difference === 0
}
