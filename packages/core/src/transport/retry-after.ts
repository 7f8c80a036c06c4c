/**
 * Reads a wait from response headers: the first of `names` that holds either delta-seconds or
 * an HTTP date (`Retry-After`), or seconds (`x-ogw-ratelimit-reset`). Returns milliseconds.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function retryAfterFromHeaders(
  headers: Headers,
  names: readonly string[] = ['retry-after'],
  now: number = Date.now(),
): number | undefined {
  for (const name of names) {
    const value = headers.get(name)?.trim()
    if (!value) continue
    if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000)
    const date = Date.parse(value)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  return undefined
}
