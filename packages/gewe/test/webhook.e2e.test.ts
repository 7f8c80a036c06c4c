import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeListener } from '@msg/core/node'
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGewe, type GeweClient } from '../src/index.js'
import {
  createGeweFake,
  deliverGeweCallback,
  type GeweDeliverOptions,
  geweMaxNewMsgId,
  geweTestCallback,
  geweTextCallback,
} from '../src/testing/index.js'
import { createGeweWebhook, type GeweCallback, type GeweInboundMessage } from '../src/webhook/index.js'

const token = 'e2e-gewe-token'
const secret = 'e2e-callback-secret'
const gapMs = 60

// The GeWe API the replies go to, over HTTP; arrivals are stamped to see the pacing.
const fake = createGeweFake({ token })
const arrivals: number[] = []
let api: ServedHandler
let client: GeweClient

const handlers = {
  onEvent: vi.fn<(event: GeweCallback) => Promise<void>>(),
  onMessage: vi.fn<(message: GeweInboundMessage) => Promise<void>>(),
}

beforeAll(async () => {
  api = await serve((request) => {
    arrivals.push(Date.now())
    return fake.handle(request)
  })
  client = createGewe({ token, baseURL: `${api.url}/gewe/v2/api`, pacing: { gapMs, jitterMs: 0 } })
})
afterAll(() => api.close())
beforeEach(() => {
  vi.clearAllMocks()
  handlers.onMessage.mockResolvedValue(undefined)
  fake.reset()
  arrivals.length = 0
})

/** A webhook on a real node:http server on 127.0.0.1 through toNodeListener. */
async function listen(secretIn: 'path' | 'header') {
  const webhook = createGeweWebhook({
    secret,
    secretIn,
    onEvent: (event) => handlers.onEvent(event),
    onMessage: (message) => handlers.onMessage(message),
    get client() {
      return client
    },
    onError: () => {},
  })
  const listener = toNodeListener(webhook, { onError: () => {} })
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/gewe/callback`,
    close: async () => {
      await listener.drain()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

describe.each(['path', 'header'] as const)('GeWe webhook over real HTTP (secret in the %s)', (secretIn) => {
  let target: { url: string; close(): Promise<unknown> }
  const options: GeweDeliverOptions = { secret, secretIn }
  beforeAll(async () => {
    target = await listen(secretIn)
  })
  afterAll(() => target.close())

  it('hands a text message to the handlers once, NewMsgId 9223372036854775807 intact', async () => {
    const callback = geweTextCallback('ping', {
      newMsgId: geweMaxNewMsgId,
      from: 'wxid_amy',
      room: '4455@chatroom',
      appid: `wx_${secretIn}`,
    })
    const delivery = await fake.deliver(target.url, callback, options)
    expect(delivery.body).toContain('"NewMsgId":9223372036854775807')
    expect(delivery.attempts).toEqual([{ status: 200, body: '{"msg":"success"}' }])
    expect(handlers.onEvent).toHaveBeenCalledOnce()
    expect(handlers.onEvent.mock.calls[0]?.[0]).toMatchObject({ Data: { NewMsgId: '9223372036854775807' } })
    expect(handlers.onMessage).toHaveBeenCalledOnce()
    expect(handlers.onMessage.mock.calls[0]?.[0]).toMatchObject({
      vendor: 'gewe',
      messageId: '9223372036854775807',
      chatId: '4455@chatroom',
      senderId: 'wxid_amy',
      text: 'ping',
    })
  })

  it('refuses a missing or wrong secret with 401, running no handler', async () => {
    const callback = geweTextCallback('intruder')
    const missing = await deliverGeweCallback(target.url, callback)
    const wrong = await deliverGeweCallback(target.url, callback, { ...options, secret: 'e2e-guess' })
    expect([missing.attempts[0]?.status, wrong.attempts[0]?.status]).toEqual([401, 401])
    expect(wrong.attempts[0]?.body).not.toContain(secret)
    expect(handlers.onEvent).not.toHaveBeenCalled()
    expect(handlers.onMessage).not.toHaveBeenCalled()
  })

  it('answers the connectivity test packet 200 without a handler', async () => {
    const delivery = await fake.deliver(target.url, geweTestCallback(token), options)
    expect(delivery.delivered).toBe(true)
    expect(handlers.onEvent).not.toHaveBeenCalled()
  })

  it('handles a duplicate once', async () => {
    const callback = geweTextCallback('twice')
    await fake.deliver(target.url, callback, options)
    const again = await fake.deliver(target.url, callback, options)
    expect(again.attempts[0]?.status).toBe(200)
    expect(handlers.onMessage).toHaveBeenCalledOnce()
  })

  it('answers 500 when the handler throws, and the redelivery is handled', async () => {
    handlers.onMessage.mockRejectedValueOnce(new Error('database down'))
    const delivery = await fake.deliver(target.url, geweTextCallback('retry me'), {
      ...options,
      retries: 2,
      retryDelaysMs: [10],
    })
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 200])
    expect(handlers.onMessage).toHaveBeenCalledTimes(2)
  })

  it('reply() reaches the fake’s inbox in the same chat, paced per appId', async () => {
    handlers.onMessage.mockImplementation(async (message) => {
      await message.reply(`pong to ${message.text}`)
    })
    const appid = `wx_paced_${secretIn}`
    await Promise.all(
      ['one', 'two'].map((text) =>
        fake.deliver(target.url, geweTextCallback(text, { appid, from: 'wxid_bob' }), options),
      ),
    )
    expect(fake.inbox.map((entry) => [entry.appId, entry.to]).sort()).toEqual([
      [appid, 'wxid_bob'],
      [appid, 'wxid_bob'],
    ])
    expect(fake.inbox.map((entry) => entry.content).sort()).toEqual(['pong to one', 'pong to two'])
    // One send at a time per appId, the second at least gapMs after the first finished.
    expect(arrivals).toHaveLength(2)
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(gapMs - 5)
  })
})
