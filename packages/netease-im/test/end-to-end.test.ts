import { NetworkError } from '@msg/core'
import { serve } from '@msg/core/testing'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createNeteaseIm } from '../src/index.js'
import { createNeteaseImFake } from '../src/testing/index.js'
import { exampleBody } from './setup.js'

const credentials = { appKey: 'test-app-key', appSecret: 'test-app-secret' }

describe('end to end over HTTP on 127.0.0.1', () => {
  const fake = createNeteaseImFake({ firstMessageServerId: 12345678901234567890n })
  let server: Awaited<ReturnType<typeof serve>>

  beforeAll(async () => {
    server = await serve(fake.handle)
  })
  afterAll(() => server.close())
  afterEach(() => fake.reset())

  it('sends the documented example request and reads an exact 64-bit message_server_id', async () => {
    const client = createNeteaseIm({ ...credentials, baseURL: server.url })
    const data = await client.conversation.sendMessage('apifoxtest1|1|accid4', exampleBody)
    expect(data.message_server_id).toBe('12345678901234567890')
    expect(fake.requests[0]?.path).toBe('/im/v2/conversations/apifoxtest1%7C1%7Caccid4/messages')
    expect(fake.requests[0]?.headers['user-agent']).toBe('msg-netease-im/0.1.0')
    expect(fake.inbox).toHaveLength(1)
  })

  it('survives an answer lost after delivery (500 once stored): retried with the same ids, delivered once', async () => {
    const client = createNeteaseIm({
      ...credentials,
      baseURL: server.url,
      retry: { limit: 2, backoffLimit: 1 },
    })
    fake.inject({ kind: 'server-error', delivered: true })
    const sent = await client.sendText({ from: 'alice', to: 'bob', type: 'p2p' }, 'over the wire')
    expect(fake.requests).toHaveLength(2)
    expect(fake.inbox).toHaveLength(1)
    expect(sent.raw).toMatchObject({ duplicate: true })
  })

  it('retries a connection dropped before any response', async () => {
    const client = createNeteaseIm({
      ...credentials,
      baseURL: server.url,
      retry: { limit: 2, backoffLimit: 1 },
    })
    fake.inject({ kind: 'drop' })
    const sent = await client.sendText({ from: 'alice', to: 'bob', type: 'p2p' }, 'again')
    expect(sent.messageId).toBe('12345678901234567890')
    expect(fake.requests).toHaveLength(2)
  })
})

describe('msw handlers', () => {
  const fake = createNeteaseImFake()
  const mocks = setupServer(...fake.mswHandlers())
  beforeAll(() => mocks.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => mocks.close())
  afterEach(() => fake.reset())

  it('answers the default host through the global fetch', async () => {
    const client = createNeteaseIm(credentials)
    const sent = await client.sendText({ from: 'alice', to: 'bob', type: 1 }, 'through msw')
    expect(sent.messageId).toBe('9007199254740993')
    expect(fake.inbox[0]?.message).toEqual({
      message_type: 0,
      text: 'through msw',
      message_client_id: expect.any(String),
    })
  })

  it('turns a dropped connection into a network error, not an HTTP answer', async () => {
    const client = createNeteaseIm({ ...credentials, retry: 0 })
    fake.inject({ kind: 'drop' })
    const error = await client
      .sendText({ from: 'alice', to: 'bob', type: 'p2p' }, 'cut off')
      .catch((caught: unknown) => caught)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error).not.toHaveProperty('status')
    expect(fake.requests).toHaveLength(1)
    expect(fake.inbox).toHaveLength(0)
  })

  it('retries a dropped connection through msw under the same message_client_id', async () => {
    const client = createNeteaseIm({ ...credentials, retry: { limit: 2, backoffLimit: 1 } })
    fake.inject({ kind: 'drop' })
    const sent = await client.sendText({ from: 'alice', to: 'bob', type: 'p2p' }, 'again')
    expect(sent.messageId).toBe('9007199254740993')
    const ids = fake.requests.map(
      (request) => (request.body as { message: { message_client_id: string } }).message,
    )
    expect(ids).toHaveLength(2)
    expect(ids[0]?.message_client_id).toBe(ids[1]?.message_client_id)
    expect(fake.inbox).toHaveLength(1)
  })
})
