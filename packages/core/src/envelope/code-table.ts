/**
 * How a vendor failure code is handled:
 * - `token`: the access token was rejected; refresh once and retry.
 * - `auth`: credentials or configuration are wrong; do not retry.
 * - `rate-limit`: not processed, try again later (retried within the budget).
 * - `permanent`: the vendor refused this request; do not retry.
 * - `transient`: a server-side fault after which delivery is unknown; retried only under an idempotency key.
 */
export type CodeClass = 'token' | 'auth' | 'rate-limit' | 'permanent' | 'transient'

/** A vendor's code table: which codes fall in which class. Unlisted codes use the fallback. */
export type CodeTable = Partial<Record<CodeClass, readonly (number | string)[]>>

/**
 * Builds a classifier from a vendor's code table.
 * @see @msg/core README.md#envelopes
 */
export function createCodeClassifier(
  table: CodeTable,
  fallback: CodeClass = 'permanent',
): (code: number | string | undefined) => CodeClass {
  const classes = new Map<string, CodeClass>()
  for (const [codeClass, codes] of Object.entries(table) as [CodeClass, readonly (number | string)[]][]) {
    for (const code of codes) classes.set(String(code), codeClass)
  }
  return (code) => (code === undefined ? fallback : (classes.get(String(code)) ?? fallback))
}
