import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeListener } from '@msg/core/node'
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFeishu, type FeishuClient } from '../src/index.js'
import {
  buildFeishuPush,
  createFeishuFake,
  deliverFeishuEvent,
  type FeishuDeliverOptions,
  feishuCardActionEvent,
  feishuTextMessageEvent,
} from '../src/testing/index.js'
import {
  createFeishuWebhook,
  type FeishuCardAction,
  type FeishuInboundMessage,
  feishuSignature,
} from '../src/webhook/index.js'

const verificationToken = 'e2e-verification-token'
const encryptKey = 'e2e-encrypt-key'
const secure: FeishuDeliverOptions = { verificationToken, encryptKey, retries: 0 }

const fake = createFeishuFake()
let fakeServer: ServedHandler

const handlers = {
  onEvent: vi.fn(),
  onMessage: vi.fn<(message: FeishuInboundMessage) => Promise<void>>(),
  onCardAction: vi.fn(async (_action: FeishuCardAction) => ({
    toast: { type: 'info' as const, content: 'Clicked' },
  })),
}
// The client replies through the fake over HTTP; its URL is known once the fake listens.
let client: FeishuClient
const webhook = createFeishuWebhook({
  verificationToken,
  encryptKey,
  onEvent: (event) => handlers.onEvent(event),
  onMessage: (message) => handlers.onMessage(message),
  onCardAction: (action) => handlers.onCardAction(action),
  get client() {
    return client
  },
  onError: () => {},
})

beforeAll(async () => {
  fakeServer = await serve(fake.handle)
  client = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, baseURL: fakeServer.url })
})
afterAll(() => fakeServer.close())
beforeEach(() => {
  vi.clearAllMocks()
  handlers.onMessage.mockResolvedValue(undefined)
})

async function viaServe() {
  const served = await serve((request) => webhook.fetch(request))
  return { url: `${served.url}/feishu/events`, close: () => served.close() }
}

async function viaNodeListener() {
  const listener = toNodeListener(webhook, { onError: () => {} })
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feishu/events`
  return {
    url,
    close: async () => {
      await listener.drain()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

describe.each([
  ['@msg/core/testing serve', viaServe],
  ['toNodeListener on node:http', viaNodeListener],
])('Feishu webhook over real HTTP (%s)', (_name, start) => {
  let target: { url: string; close(): Promise<unknown> }
  beforeAll(async () => {
    target = await start()
  })
  afterAll(() => target.close())

  const raw = async (body: string, headers: Record<string, string>) => {
    const response = await fetch(target.url, { method: 'POST', headers, body })
    return { status: response.status, text: await response.text() }
  }

  it('answers the challenge, plain and encrypted, and refuses a wrong token', async () => {
    const challenge = { payload: { challenge: 'c-1', token: verificationToken, type: 'url_verification' } }
    for (const options of [
      { ...secure, encrypt: false, sign: false },
      { ...secure, sign: false },
    ]) {
      const delivery = await deliverFeishuEvent(target.url, challenge, options)
      expect(delivery.attempts[0]).toEqual({ status: 200, body: '{"challenge":"c-1"}' })
    }
    const wrong = { payload: { ...challenge.payload, token: 'guessed' } }
    const refused = await deliverFeishuEvent(target.url, wrong, { ...secure, encrypt: false, sign: false })
    expect(refused.attempts[0]?.status).toBe(401)
  })

  it('hands a signed, encrypted message to onEvent and onMessage once', async () => {
    // The fake pushes like Feishu, too.
    const delivery = await fake.deliver(target.url, feishuTextMessageEvent('ping'), secure)
    expect(delivery.delivered).toBe(true)
    expect(handlers.onEvent).toHaveBeenCalledOnce()
    expect(handlers.onMessage).toHaveBeenCalledOnce()
    expect(handlers.onMessage.mock.calls[0]?.[0].text).toBe('ping')
  })

  it('takes the signature over the raw bytes and refuses one over re-serialised JSON', async () => {
    const push = await buildFeishuPush(feishuTextMessageEvent('raw bytes'), { ...secure, encrypt: false })
    // Whitespace and key order a JSON round trip would not keep.
    const body = ` ${JSON.stringify(push.payload, null, 2)}\n`
    const at = push.headers['x-lark-request-timestamp'] ?? ''
    const nonce = push.headers['x-lark-request-nonce'] ?? ''
    const bytes = (text: string) => new TextEncoder().encode(text)
    const overReserialised = await feishuSignature(
      at,
      nonce,
      encryptKey,
      bytes(JSON.stringify(JSON.parse(body))),
    )
    expect((await raw(body, { ...push.headers, 'x-lark-signature': overReserialised })).status).toBe(401)
    expect(handlers.onEvent).not.toHaveBeenCalled()
    const overRaw = await feishuSignature(at, nonce, encryptKey, bytes(body))
    expect((await raw(body, { ...push.headers, 'x-lark-signature': overRaw })).status).toBe(200)
    expect(handlers.onEvent).toHaveBeenCalledOnce()
  })

  it('refuses a bad signature, a wrong token and a stale timestamp with 401, running no handler', async () => {
    const event = () => feishuTextMessageEvent('nope')
    const bad = await buildFeishuPush(event(), secure)
    const signature = bad.headers['x-lark-signature'] ?? ''
    bad.headers['x-lark-signature'] = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`
    expect((await raw(bad.body, bad.headers)).status).toBe(401)
    const wrongToken = await deliverFeishuEvent(target.url, event(), {
      ...secure,
      verificationToken: 'other',
    })
    const stale = await deliverFeishuEvent(target.url, event(), {
      ...secure,
      now: () => Date.now() - 3_600_000,
    })
    expect([wrongToken.attempts[0]?.status, stale.attempts[0]?.status]).toEqual([401, 401])
    expect(wrongToken.attempts[0]?.body).not.toContain(verificationToken)
    expect(handlers.onEvent).not.toHaveBeenCalled()
    expect(handlers.onMessage).not.toHaveBeenCalled()
  })

  it('handles a duplicate once', async () => {
    const event = feishuTextMessageEvent('twice', { eventId: `dup-${_name}` })
    await deliverFeishuEvent(target.url, event, secure)
    const again = await deliverFeishuEvent(target.url, event, secure)
    expect(again.attempts[0]?.status).toBe(200)
    expect(handlers.onMessage).toHaveBeenCalledOnce()
  })

  it('answers 500 when the handler throws, and Feishu’s re-push is handled', async () => {
    handlers.onMessage.mockRejectedValueOnce(new Error('database down'))
    const delivery = await deliverFeishuEvent(target.url, feishuTextMessageEvent('retry me'), {
      ...secure,
      retries: 4,
      timeScale: 0.001,
    })
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 200])
    expect(handlers.onMessage).toHaveBeenCalledTimes(2)
    expect(handlers.onEvent).toHaveBeenCalledTimes(2)
  })

  it('hands a schema 1.0 event to onEvent', async () => {
    const legacy = {
      payload: {
        ts: '1.1',
        uuid: `u-${_name}`,
        token: verificationToken,
        type: 'event_callback',
        event: { type: 'x' },
      },
    }
    expect((await deliverFeishuEvent(target.url, legacy, secure)).delivered).toBe(true)
    expect(handlers.onEvent.mock.calls[0]?.[0]).toMatchObject({ uuid: `u-${_name}` })
  })

  it('answers a card action with the handler’s toast, sent once', async () => {
    handlers.onCardAction.mockRejectedValueOnce(new Error('x'))
    const failed = await deliverFeishuEvent(target.url, feishuCardActionEvent({ id: 1 }), {
      ...secure,
      retries: 4,
    })
    expect(failed.attempts.map((attempt) => attempt.status)).toEqual([500])
    const delivery = await deliverFeishuEvent(target.url, feishuCardActionEvent({ id: 1 }), secure)
    expect(JSON.parse(delivery.attempts[0]?.body ?? '')).toEqual({
      toast: { type: 'info', content: 'Clicked' },
    })
  })

  it('reply() reaches the Feishu fake as an im/v1 reply with a uuid', async () => {
    fake.reset()
    handlers.onMessage.mockImplementation(async (message) => {
      await message.reply('pong')
    })
    const messageId = `om_ping_${_name.length}`
    const event = feishuTextMessageEvent('ping', { messageId })
    expect((await deliverFeishuEvent(target.url, event, secure)).delivered).toBe(true)
    expect(fake.inbox).toHaveLength(1)
    expect(fake.inbox[0]).toMatchObject({
      endpoint: 'im.message.reply',
      parent_id: messageId,
      text: 'pong',
    })
    expect(fake.inbox[0]?.uuid).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('reply on a re-push', () => {
  it('sends the same uuid when the handler runs again, so the fake keeps one reply', async () => {
    fake.reset()
    const { url, close } = await viaServe()
    let runs = 0
    handlers.onMessage.mockImplementation(async (message) => {
      runs += 1
      await message.reply({ title: 'Status', text: 'pong', url: 'https://status.example' })
      if (runs === 1) throw new Error('failed after replying')
    })
    try {
      const event = feishuTextMessageEvent('ping', { messageId: 'om_rerun' })
      const delivery = await deliverFeishuEvent(url, event, { ...secure, retries: 1, timeScale: 0.001 })
      expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 200])
      expect(runs).toBe(2)
      expect(fake.inbox).toHaveLength(1)
      expect(fake.inbox[0]).toMatchObject({
        endpoint: 'im.message.reply',
        msg_type: 'interactive',
        parent_id: 'om_rerun',
      })
      expect(fake.inbox[0]?.parsed).toMatchObject({
        schema: '2.0',
        header: { title: { tag: 'plain_text', content: 'Status' } },
        body: { elements: [{ tag: 'markdown', content: 'pong' }, { tag: 'button' }] },
      })
    } finally {
      await close()
    }
  })
})
