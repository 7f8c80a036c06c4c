const refusedBeforeWrite =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT|ConnectionRefused|Connection refused|failed to lookup address|dns error/i

function* causeChain(error: unknown): Generator<unknown> {
  let current: unknown = error
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    yield current
    const nested = (current as { errors?: unknown }).errors
    if (Array.isArray(nested)) for (const item of nested) yield* causeChain(item)
    current = (current as { cause?: unknown }).cause
  }
}

/**
 * True when a fetch failure provably happened before the request was written: the connection
 * was refused or the host did not resolve (Node, Bun and Deno report a code or message for that).
 * Anything else — a reset, a browser's opaque "Failed to fetch" — may have reached the vendor.
 */
export function failedBeforeWrite(error: unknown): boolean {
  for (const item of causeChain(error)) {
    const { code, message } = item as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && refusedBeforeWrite.test(code)) return true
    if (typeof message === 'string' && refusedBeforeWrite.test(message)) return true
  }
  return false
}
