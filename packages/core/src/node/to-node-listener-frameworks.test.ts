import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import Koa from 'koa'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebhookHandler } from '../inbound/webhook-handler.js'
import { toNodeListener } from './to-node-listener.js'

const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})

async function listening(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** Answers with the exact bytes it got, so a re-serialised body would show. */
const echo: WebhookHandler = {
  fetch: async (request) => new Response(await request.arrayBuffer(), { status: 200 }),
}
const body = '{ "b": 1,\n  "a": "\\u00e9" }'
const post = (url: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })

describe('toNodeListener in Express 5', () => {
  it('gets the raw bytes when mounted before express.json(), and fails loudly behind it', async () => {
    const app = express()
    app.post('/raw', toNodeListener(echo))
    app.use(express.json())
    app.post('/parsed', toNodeListener(echo, { onError: () => {} }))
    const url = await listening(createServer(app))
    const raw = await post(`${url}/raw`)
    expect([raw.status, await raw.text()]).toEqual([200, body])
    const parsed = await post(`${url}/parsed`)
    expect(parsed.status).toBe(500)
    expect(await parsed.text()).toMatch(
      /body parser ran first\)\. Mount the webhook before express\.json\(\)/,
    )
  })
})

describe('toNodeListener in Koa 3', () => {
  it('serves as middleware (ctx.respond = false) with the raw bytes', async () => {
    const app = new Koa()
    app.use(toNodeListener(echo))
    const url = await listening(createServer(app.callback()))
    const response = await post(url)
    expect([response.status, await response.text()]).toEqual([200, body])
  })
})
