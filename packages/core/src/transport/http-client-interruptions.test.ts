// createHttpClient when a call is cut short over a real loopback server: timeouts, the caller's aborts,
// refused connections and connections dropped mid-way, each with what it says about delivery.
import { createServer } from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import { answer, client, json, ok, seen, send, serveLoopback, slow } from '../../test/http-client-loopback.js'
import { createHttpClient, MsgError, NetworkError, TimeoutError } from '../index.js'
import { delay, dropConnection } from '../testing/index.js'
import type { TransportSettings } from './transport-settings.js'

serveLoopback()

describe('createHttpClient against a real loopback server', () => {
  it('times out even when a custom fetch ignores the abort signal', async () => {
    const ignoring: typeof globalThis.fetch = () => new Promise<Response>(() => {})
    const started = Date.now()
    const error = await send(client({ timeout: 100, fetch: ignoring })).catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('stops waiting at once when the caller aborts during a backoff wait', async () => {
    answer(() => json({ code: 429001 }, { status: 429, headers: { 'retry-after': '30' } }), ok)
    const controller = new AbortController()
    const started = Date.now()
    const pending = send(client(), { options: { signal: controller.signal } })
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    await delay(50)
    controller.abort()
    const error = await pending.catch((caught: unknown) => caught)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'not-sent' })
    expect((error as Error).message).toContain('aborted by the caller')
    expect(seen).toHaveLength(1)
  })

  it('reports an abort while the request is in flight as delivery unknown', async () => {
    answer(slow(500))
    const controller = new AbortController()
    const pending = send(client(), { options: { signal: controller.signal } })
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'NetworkError', delivery: 'unknown' })
  })

  it('reports a refused connection (nothing was written) as not-sent, naming the cause', async () => {
    const port = await freePort()
    const http = createHttpClient({
      vendor: 'gewe',
      version: '1.0.0',
      defaultBaseURL: `http://127.0.0.1:${port}`,
      settings: { retry: { limit: 2, backoffLimit: 5 } },
    })
    const error = await send(http as ReturnType<typeof client>, {}).catch((caught: unknown) => caught)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'not-sent' })
    expect((error as Error).message).toContain('connection failed before sending')
  })

  it('counts three attempts for a refused connection through a custom fetch read at call time', async () => {
    const port = await freePort()
    const calls: string[] = []
    const settings: TransportSettings = {
      baseURL: `http://127.0.0.1:${port}`,
      retry: { limit: 2, backoffLimit: 5 },
    }
    const http = createHttpClient({
      vendor: 'gewe',
      version: '1',
      defaultBaseURL: 'http://x.invalid',
      settings,
    })
    settings.fetch = (input, init) => {
      calls.push(String(input instanceof Request ? input.url : input))
      return globalThis.fetch(input, init)
    }
    await expect(send(http as ReturnType<typeof client>)).rejects.toMatchObject({ delivery: 'not-sent' })
    expect(calls).toHaveLength(3)
  })

  it('does not resend after the connection drops mid-response', async () => {
    answer(() => dropConnection('mid-response'), ok)
    const error = await send(client()).catch((caught: unknown) => caught)
    expect(MsgError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'unknown' })
    expect(seen).toHaveLength(1)
  })

  it('does not resend after a reset before any response', async () => {
    answer(() => dropConnection('before-response'), ok)
    await expect(send(client())).rejects.toMatchObject({ name: 'NetworkError', delivery: 'unknown' })
    expect(seen).toHaveLength(1)
  })
})

/** A port nothing listens on: the kernel picks a free one and its probe is closed again. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}
