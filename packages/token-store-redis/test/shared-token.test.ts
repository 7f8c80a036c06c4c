import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasRedisServer, type RedisServer, startRedisServer } from './redis-server.js'
import { bundleSender, type SenderProcess, startSender } from './sender-processes.js'

/** A loopback vendor: a slow token endpoint that counts requests, and a send endpoint that checks the token. */
function createVendor() {
  const state = { tokenRequests: 0, accepted: 0, valid: new Set<string>() }
  const handler = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname
    if (path === '/token') {
      state.tokenRequests++
      const token = `token-${state.tokenRequests}`
      await new Promise((resolve) => setTimeout(resolve, 300))
      state.valid.add(token)
      return Response.json({ token, expires_in: 7200 })
    }
    const presented = request.headers.get('authorization')?.replace('Bearer ', '') ?? ''
    if (!state.valid.has(presented)) return Response.json({ code: 99991663, msg: 'token expired' })
    state.accepted++
    return Response.json({ code: 0 })
  }
  return { state, handler, expireAllTokens: () => state.valid.clear() }
}

describe.skipIf(!hasRedisServer() && !process.env.CI)('two sender processes sharing one Redis', () => {
  let redis: RedisServer
  let served: ServedHandler
  let senders: SenderProcess[] = []
  const vendor = createVendor()

  beforeAll(async () => {
    const [script, server, http] = await Promise.all([
      bundleSender(),
      startRedisServer(),
      serve(vendor.handler),
    ])
    redis = server
    served = http
    const environment = { REDIS_URL: redis.url, VENDOR_URL: served.url }
    senders = await Promise.all([startSender(script, environment), startSender(script, environment)])
  })

  afterAll(async () => {
    await Promise.all(senders.map((sender) => sender.exit()))
    await redis?.stop()
    await served?.close()
  })

  it('make exactly one token request between them', async () => {
    const results = await Promise.all(senders.map((sender) => sender.send(25)))
    expect(results).toEqual([
      { sent: 25, failed: 0 },
      { sent: 25, failed: 0 },
    ])
    expect(vendor.state.tokenRequests).toBe(1)
    expect(vendor.state.accepted).toBe(50)
    for (const sender of senders) expect(sender.stderr()).toBe('')
  })

  it('keep sending when Redis dies mid-run: one warning each, tokens fetched directly', async () => {
    await redis.kill()
    vendor.expireAllTokens()
    const results = await Promise.all(senders.map((sender) => sender.send(25)))
    expect(results).toEqual([
      { sent: 25, failed: 0 },
      { sent: 25, failed: 0 },
    ])
    expect(vendor.state.accepted).toBe(100)
    expect(vendor.state.tokenRequests).toBe(3)
    for (const sender of senders) {
      const warnings = sender.stderr().match(/WARN token store unavailable .*; fetching tokens directly/g)
      expect(warnings).toHaveLength(1)
    }
    expect(await Promise.all(senders.map((sender) => sender.exit()))).toEqual([0, 0])
  })
})
