/**
 * True in a browser-like runtime (a page, a web worker, Electron's renderer), where long-lived
 * secrets must not be used. Deno, Bun, Node and edge workers report their own user agents.
 */
export function isBrowserRuntime(): boolean {
  const agent = (globalThis as { navigator?: { userAgent?: unknown } }).navigator?.userAgent
  return typeof agent === 'string' && agent.startsWith('Mozilla/')
}

/**
 * A random RFC 4122 version 4 UUID from WebCrypto: `crypto.randomUUID` where the runtime has it (Node
 * pools its entropy there, while `getRandomValues` costs a system call each), else built from
 * `getRandomValues` (browsers outside secure contexts).
 */
export function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  return uuidShaped(toHex(bytes))
}

/** 32 hex digits as `8-4-4-4-12`. */
const uuidShaped = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`

/**
 * A UUID-shaped id derived from `seed` (the first 16 bytes of its SHA-256): the same seed gives the
 * same id, so a handler that runs again on a vendor's re-push sends a reply under the same
 * de-duplication key. WebCrypto, so it runs in every runtime.
 * @see @msg/core README.md#inbound-webhooks
 */
export async function derivedUuid(seed: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(seed))
  return uuidShaped(toHex(new Uint8Array(digest)))
}

/** Bytes as lowercase hex, two characters each (digests, nonces). */
export function toHex(bytes: Uint8Array): string {
  let hex = ''
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/**
 * Bytes as standard base64 (with padding): signatures, ciphertexts, UTF-8 text (`btoa` alone takes
 * Latin-1 strings only).
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Window/btoa
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000))
  }
  return btoa(binary)
}

/**
 * Standard base64 as bytes; throws a `DOMException` on text that is not base64.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Window/atob
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index)
  return bytes
}

const poolSize = 4096
let pool = new Uint8Array(0)
let poolUsed = 0

/**
 * `count` random bytes (at most 4096) from WebCrypto, as lowercase hex (`2 × count` characters).
 * The bytes come from a pool refilled 4 kB at a time, as Node's own `randomUUID` does: a
 * `getRandomValues` call per value costs far more than the few bytes it returns.
 */
export function randomHex(count: number): string {
  if (poolUsed + count > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(Math.max(poolSize, count)))
    poolUsed = 0
  }
  const hex = toHex(pool.subarray(poolUsed, poolUsed + count))
  // Each byte is handed out once.
  pool.fill(0, poolUsed, poolUsed + count)
  poolUsed += count
  return hex
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Resolves `value`, or rejects as soon as the caller aborts. */
export function untilAborted<T>(value: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return value
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
    value.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
