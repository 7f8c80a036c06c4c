import { parseExactJson } from '../json/exact-json.js'
import type { HttpResponse } from './http-response.js'

/** Why an attempt ended without a response. */
export type AttemptFailure =
  | { kind: 'timeout'; cause: unknown }
  | { kind: 'aborted'; cause: unknown }
  | { kind: 'fetch'; cause: unknown }

/** One HTTP exchange: the response fully read, or why there was none. */
export type AttemptResult = { ok: true; response: HttpResponse } | { ok: false; failure: AttemptFailure }

function parseBody(status: number, headers: Headers, text: string): HttpResponse {
  if (text.trim() === '') return { status, headers, text, body: undefined, malformed: true }
  try {
    return { status, headers, text, body: parseExactJson(text), malformed: false }
  } catch {
    return { status, headers, text, body: undefined, malformed: true }
  }
}

/**
 * Sends one request and reads its whole body within `timeout` ms. The caller's `signal` aborts at
 * once. Never throws for network conditions: it reports them as an {@link AttemptFailure}.
 */
export async function fetchAttempt(
  fetchFunction: typeof globalThis.fetch,
  url: string,
  init: { method: string; headers: Headers; body: string | FormData | undefined },
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<AttemptResult> {
  const controller = new AbortController()
  let timedOut = false
  // Settled by the timeout or the caller's abort, and raced against the fetch: a fetch that loses the
  // signal (undici drops it when the caller wraps the init in `new Request` and the garbage collector
  // runs) must still end the attempt.
  let abandon: (reason: unknown) => void = () => undefined
  const abortion = new Promise<never>((_, reject) => {
    abandon = reject
  })
  abortion.catch(() => undefined)
  const stop = (reason: unknown) => {
    controller.abort(reason)
    abandon(reason)
  }
  const timer = setTimeout(() => {
    timedOut = true
    stop(new Error(`no response within ${timeout} ms`))
  }, timeout)
  const onAbort = () => stop(signal?.reason)
  if (signal?.aborted) onAbort()
  else signal?.addEventListener('abort', onAbort, { once: true })
  const fetched = fetchFunction(url, {
    method: init.method,
    headers: init.headers,
    ...(init.body === undefined ? {} : { body: init.body }),
    signal: controller.signal,
  })
  try {
    const response = await Promise.race([fetched, abortion])
    const text = await Promise.race([response.text(), abortion])
    return { ok: true, response: parseBody(response.status, response.headers, text) }
  } catch (cause) {
    // A late answer to an abandoned attempt: release its connection.
    fetched.then(
      (late) => late.body?.cancel().catch(() => undefined),
      () => undefined,
    )
    const kind = signal?.aborted ? 'aborted' : timedOut ? 'timeout' : 'fetch'
    return { ok: false, failure: { kind, cause } }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}
