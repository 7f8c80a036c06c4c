import http from 'node:http'

/** Keep-alive the fake servers use in the benchmark: Node's own default. */
export const benchKeepAliveMs = 5000

/**
 * Works around `serve()` (packages/core/src/testing/serve.ts) setting `keepAliveTimeout = 1000`:
 * Node's fetch (undici) drops a socket `keepAliveTimeoutThreshold` (1 s) before the server's
 * advertised timeout, so with 1 s every request opened a new TCP connection and the fake, not
 * the client, dominated each round trip. An accessor on `http.Server.prototype` turns that
 * assignment into at least {@link benchKeepAliveMs}. Call before `serve()`, in the fake process only.
 */
export function keepConnectionsAlive(): void {
  const stored = new WeakMap<object, number>()
  Object.defineProperty(http.Server.prototype, 'keepAliveTimeout', {
    configurable: true,
    get(this: object) {
      return stored.get(this) ?? benchKeepAliveMs
    },
    set(this: object, value: number) {
      stored.set(this, Math.max(value, benchKeepAliveMs))
    },
  })
}
