import { createServer } from 'node:net'
import { dropConnection, type ServedHandler, serve } from '@msg/core/testing'

/** Faults no vendor fake offers, applied in front of the fake (the fake still sees what it would see). */
export type HarnessFault =
  /** HTTP 429 with `Retry-After` and a plain-text body, as a gateway in front of the vendor answers. */
  | { kind: 'http-429'; retryAfterSeconds: number }
  /** HTTP 200 whose body is not JSON at all. */
  | { kind: 'invalid-json' }
  /** HTTP 200, valid JSON, but not the vendor's envelope. */
  | { kind: 'wrong-shape' }
  /** The fake processes the request, then the connection is cut before the answer (the answer is lost). */
  | { kind: 'reset-after-processing' }
  /** The connection is refused: the request goes to a closed port (a real ECONNREFUSED). */
  | { kind: 'refused' }

/** A vendor fake served on 127.0.0.1 with harness faults in front of it. */
export interface FaultyServer {
  url: string
  /** The path of every request that reached the server (faulted or not), in order. */
  seen: string[]
  /** Goes through `refused` faults; use it as the client's `fetch`. */
  fetch: typeof globalThis.fetch
  inject(fault: HarnessFault, times: number, match: (request: Request) => boolean): void
  close(): Promise<void>
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1))
    })
  })
}

/** Serves `handle` on a free loopback port, with {@link HarnessFault}s injectable in front of it. */
export async function serveWithFaults(
  handle: (request: Request) => Promise<Response>,
): Promise<FaultyServer> {
  const rules: Array<{ fault: HarnessFault; left: number; match: (request: Request) => boolean }> = []
  const take = (request: Request, refusals: boolean) => {
    const rule = rules.find(
      (candidate) =>
        candidate.left > 0 && (candidate.fault.kind === 'refused') === refusals && candidate.match(request),
    )
    if (rule) rule.left--
    return rule?.fault
  }
  const seen: string[] = []
  const served: ServedHandler = await serve(async (request) => {
    seen.push(new URL(request.url).pathname)
    const fault = take(request, false)
    switch (fault?.kind) {
      case 'http-429':
        return new Response('Too Many Requests', {
          status: 429,
          headers: { 'retry-after': String(fault.retryAfterSeconds), 'content-type': 'text/plain' },
        })
      case 'invalid-json':
        return new Response('this is not json', { headers: { 'content-type': 'application/json' } })
      case 'wrong-shape':
        return Response.json({ unexpected: ['shape'], status: 'fine' })
      case 'reset-after-processing':
        await handle(request)
        return dropConnection('before-response')
      default:
        return handle(request)
    }
  })
  const deadOrigin = `http://127.0.0.1:${await closedPort()}`
  const fetchThrough: typeof globalThis.fetch = (input, init) => {
    const request = new Request(input, init)
    // Pass the caller's own input and init: undici loses the abort signal of a `new Request(…, { signal })`
    // once the garbage collector runs, which would make timeouts flaky here.
    if (!take(request, true)) return globalThis.fetch(input, init)
    const url = new URL(request.url)
    return globalThis.fetch(new Request(`${deadOrigin}${url.pathname}${url.search}`, request))
  }
  return {
    url: served.url,
    seen,
    fetch: fetchThrough,
    inject(fault, times, match) {
      rules.push({ fault, left: times, match })
    },
    close: () => served.close(),
  }
}
