import { AuthError, createMemoryDedupeStore, type DedupeStore, VendorError } from '@msg/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import {
  createFeishuLongConnectionFake,
  type FeishuLongConnectionFake,
  type FeishuLongConnectionFakeOptions,
  feishuCardActionEvent,
  feishuTextMessageEvent,
} from '../testing/index.js'
import type { FeishuInboundMessage } from '../webhook/index.js'
import { createFeishuLongConnection, type FeishuLongConnection } from './long-connection.js'
import type { FeishuLongConnectionSettings } from './long-connection-settings.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(
  handlers: Partial<FeishuLongConnectionSettings> = {},
  fakeOptions: FeishuLongConnectionFakeOptions = {},
) {
  const fake = await createFeishuLongConnectionFake(fakeOptions)
  cleanups.push(() => fake.close())
  const errors: unknown[] = []
  const connection = createFeishuLongConnection({
    appId: fake.appId,
    appSecret: fake.appSecret,
    baseURL: fake.baseURL,
    WebSocket,
    onError: (error) => errors.push(error),
    ...handlers,
  })
  cleanups.push(() => connection.close())
  return { fake, connection, errors }
}

async function until(condition: () => boolean, limitMs = 3_000): Promise<void> {
  const deadline = Date.now() + limitMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

function messages(count: number) {
  return Array.from({ length: count }, (_, index) => feishuTextMessageEvent(`hello ${index}`))
}

describe('createFeishuLongConnection against the fake server', () => {
  it('receives 1 000 events and acknowledges each once, echoing the frame with biz_rt', async () => {
    const handled: string[] = []
    const { fake, connection } = await setup({ onMessage: (message) => void handled.push(message.messageId) })
    await connection.start()
    const acks = await Promise.all(messages(1_000).map((event) => fake.push(event)))
    expect(handled).toHaveLength(1_000)
    expect(new Set(handled).size).toBe(1_000)
    expect(fake.acks).toHaveLength(1_000)
    expect(new Set(fake.acks.map((ack) => ack.messageId)).size).toBe(1_000)
    expect(acks.every((ack) => ack.answer.code === 200)).toBe(true)
    const [first] = acks
    expect(BigInt(first?.frame.seqId ?? '0')).toBeGreaterThan(2n ** 53n) // echoed exactly
    expect(first?.frame.headers.find((header) => header.key === 'biz_rt')?.value).toMatch(/^\d+$/)
    expect(fake.connections).toBe(1)
  })

  it('reconnects after the socket drops mid-stream; no event is lost or handled twice', async () => {
    const handled = new Map<string, number>()
    const memory = createMemoryDedupeStore()
    let duplicates = 0 // re-sent events the client had already handled: the dedupe store caught them
    const dedupe: DedupeStore = {
      get: async (key) => {
        const value = await memory.get(key)
        if (value !== undefined) duplicates++
        return value
      },
      set: (key, value, ttl) => memory.set(key, value, ttl),
      delete: (key) => memory.delete(key),
    }
    const { fake, connection } = await setup({
      dedupe,
      onMessage: (message: FeishuInboundMessage) => {
        handled.set(message.messageId, (handled.get(message.messageId) ?? 0) + 1)
      },
    })
    await connection.start()
    fake.dropAfterAcks(300)
    await Promise.all(messages(1_000).map((event) => fake.push(event)))
    expect(handled.size).toBe(1_000)
    expect([...handled.values()].every((times) => times === 1)).toBe(true)
    expect(fake.connections).toBe(2)
    expect(fake.endpointCalls).toBe(2) // a fresh URL for the new socket
    expect(fake.framesSent).toBeGreaterThan(1_000) // the unacknowledged ones went out again
    expect(duplicates).toBeGreaterThan(0) // handled before the drop, unacknowledged, pushed again
  })

  it('reassembles a payload split over several frames', async () => {
    const texts: (string | undefined)[] = []
    const { fake, connection } = await setup({ onMessage: (message) => void texts.push(message.text) })
    await connection.start()
    const text = `飞书 long connection ${'🙂'.repeat(200)}`
    const ack = await fake.push(feishuTextMessageEvent(text), { parts: 7 })
    expect(ack.answer.code).toBe(200)
    expect(texts).toEqual([text])
    expect(fake.acks).toHaveLength(1)
  })

  it('acks 500 when a handler throws, and handles the re-push', async () => {
    let calls = 0
    const { fake, connection, errors } = await setup({
      onEvent: () => {
        calls++
        if (calls === 1) throw new Error('handler failed')
      },
    })
    await connection.start()
    const event = feishuTextMessageEvent('boom', { messageId: 'om_throws' })
    const input = { ...event, event_id: 'ev_throws' }
    expect((await fake.push(input)).answer).toEqual({ code: 500 })
    expect(errors).toHaveLength(1)
    expect((await fake.push(input)).answer).toEqual({ code: 200 })
    expect((await fake.push(input)).answer).toEqual({ code: 200 }) // a duplicate now
    expect(calls).toBe(2)
  })

  it('answers a card action in the ack: data is the base64 of the handler result', async () => {
    const response = { toast: { type: 'success' as const, content: '已处理 ✓' } }
    const { fake, connection } = await setup({ onCardAction: () => response })
    await connection.start()
    const ack = await fake.push(feishuCardActionEvent({ approve: true }))
    expect(ack.answer.code).toBe(200)
    const bytes = Uint8Array.from(atob(ack.answer.data ?? ''), (char) => char.charCodeAt(0))
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(response)
  })

  it('pings at the interval the server gives, and applies the pong config', async () => {
    const { fake, connection } = await setup({}, { clientConfig: { PingInterval: 0.02 } })
    await connection.start()
    await until(() => fake.pings >= 4)
  })

  it('applies the config a pong carries: a shorter ping interval takes over from the endpoint one', async () => {
    const { fake, connection } = await setup(
      {},
      { clientConfig: { PingInterval: 120 }, pongClientConfig: { PingInterval: 0.02 } },
    )
    await connection.start()
    await until(() => fake.pings >= 4) // one ping on open, then every 20 ms the pong asked for
  })

  it('needs a WebSocket class where the runtime has none (Node 20)', () => {
    vi.stubGlobal('WebSocket', undefined)
    try {
      expect(() => createFeishuLongConnection({ appId: 'cli_x', appSecret: 'secret' })).toThrow(/from 'ws'/)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('rejects start() with AuthError on a refused secret, calling the endpoint once', async () => {
    const fake = await createFeishuLongConnectionFake()
    cleanups.push(() => fake.close())
    const connection = createFeishuLongConnection({
      appId: fake.appId,
      appSecret: 'wrong',
      baseURL: fake.baseURL,
      WebSocket,
      onError: () => {},
    })
    cleanups.push(() => connection.close())
    const error = await connection.start().catch((caught: unknown) => caught)
    expect(AuthError.isInstance(error)).toBe(true)
    expect((error as AuthError).code).toBe(514)
    expect(String((error as Error).message)).not.toContain(fake.appSecret)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(fake.endpointCalls).toBe(1)
  })

  it('reports the connection limit as a retryable VendorError', async () => {
    const { fake, connection } = await setup()
    fake.refuse(1000040350)
    const error = await connection.start().catch((caught: unknown) => caught)
    expect(VendorError.isInstance(error) && error.code === 1000040350 && error.retryable).toBe(true)
    await connection.start() // the next call gets a URL
    expect(fake.endpointCalls).toBe(2)
  })

  it('after a drop, retries refusals at the interval and gives up on a final one', async () => {
    const { fake, connection, errors } = await setup({}, { clientConfig: { ReconnectInterval: 0.05 } })
    await connection.start()
    fake.refuse(1, 514)
    const startedAt = Date.now()
    fake.drop()
    await until(() => errors.some((error) => String(error).includes('gave up')))
    expect(fake.endpointCalls).toBe(3)
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(40) // one interval, not a busy loop
    expect(
      errors.filter((error) => VendorError.isInstance(error)).map((error) => (error as VendorError).code),
    ).toEqual([1, 514])
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(fake.endpointCalls).toBe(3)
  })

  it('close() during a reconnect wait stops it', async () => {
    const { fake, connection } = await setup({}, { clientConfig: { ReconnectNonce: 5 } })
    await connection.start()
    fake.drop()
    await new Promise((resolve) => setTimeout(resolve, 20))
    await connection.close()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(fake.endpointCalls).toBe(1)
  })
})

export type { FeishuLongConnection, FeishuLongConnectionFake }
