import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type WebhookHandler, webhookContext } from '../inbound/webhook-handler.js'
import { toNodeListener } from './to-node-listener.js'

const servers: { close(): void; closeAllConnections(): void }[] = []
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})

async function listen(handler: RequestListener): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** Echoes the bytes, method, path and a header it received. */
const echo: WebhookHandler = {
  async fetch(request) {
    const bytes = new Uint8Array(await request.arrayBuffer())
    const headers = new Headers({ 'x-method': request.method, 'x-path': new URL(request.url).pathname })
    headers.append('set-cookie', 'a=1')
    headers.append('set-cookie', 'b=2')
    return new Response(bytes, { status: 201, headers })
  },
}

describe('toNodeListener', () => {
  it('hands the exact raw bytes to the webhook and writes status, headers and body back', async () => {
    const url = await listen(toNodeListener(echo))
    const body = new Uint8Array([0x7b, 0x20, 0x22, 0xe9, 0xa3, 0x9e, 0x22, 0x20, 0x7d, 0x0a, 0xff])
    const response = await fetch(`${url}/hook?x=1`, { method: 'POST', body })
    expect(response.status).toBe(201)
    expect(response.headers.get('x-method')).toBe('POST')
    expect(response.headers.get('x-path')).toBe('/hook')
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(body)
  })

  it('fails loudly with 500 when a body parser consumed the stream first', async () => {
    const listener = toNodeListener(echo, { onError: () => {} })
    const url = await listen((request, response) => {
      // What express.json() leaves behind: the stream read, `req.body` set.
      request.on('data', () => {})
      request.on('end', () => {
        ;(request as IncomingMessage & { body?: unknown }).body = { parsed: true }
        void listener(request, response)
      })
    })
    const response = await fetch(url, { method: 'POST', body: '{"a":1}' })
    expect(response.status).toBe(500)
    expect(await response.text()).toMatch(/Mount the webhook before express\.json\(\)/)
  })

  it('refuses bodies over maxBodyBytes with 413', async () => {
    const url = await listen(toNodeListener(echo, { maxBodyBytes: 4 }))
    expect((await fetch(url, { method: 'POST', body: '12345' })).status).toBe(413)
  })

  it('passes a waitUntil whose work drain() awaits, reporting rejections to onError', async () => {
    const onError = vi.fn()
    let finished = false
    const deferred: WebhookHandler = {
      async fetch(_request, context) {
        const waitUntil = webhookContext(context)?.waitUntil
        waitUntil?.(new Promise((resolve) => setTimeout(resolve, 30)).then(() => (finished = true)))
        waitUntil?.(Promise.reject(new Error('late failure')))
        return new Response('early')
      },
    }
    const listener = toNodeListener(deferred, { onError })
    const url = await listen(listener)
    expect(await (await fetch(url, { method: 'POST', body: '{}' })).text()).toBe('early')
    expect(finished).toBe(false)
    await listener.drain()
    expect(finished).toBe(true)
    expect(onError).toHaveBeenCalledWith(new Error('late failure'))
  })

  it('answers 500 when the webhook itself throws', async () => {
    const onError = vi.fn()
    const broken: WebhookHandler = { fetch: () => Promise.reject(new Error('bug')) }
    const url = await listen(toNodeListener(broken, { onError }))
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(500)
    expect(onError).toHaveBeenCalledOnce()
  })

  it('works as Koa middleware: takes ctx.req and ctx.res and sets ctx.respond = false', async () => {
    const listener = toNodeListener(echo)
    const contexts: { respond?: boolean }[] = []
    const url = await listen((req: IncomingMessage, res: ServerResponse) => {
      const ctx = { req, res, respond: true, app: {} }
      contexts.push(ctx)
      void listener(ctx, async () => {})
    })
    const response = await fetch(url, { method: 'POST', body: 'koa' })
    expect(await response.text()).toBe('koa')
    expect(contexts[0]?.respond).toBe(false)
  })
})
