import { createHash } from 'node:crypto'
import { broadcast, ValidationError, withFallback } from '@msg/core'
import { serve } from '@msg/core/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  createNeteaseIm,
  type NeteaseImBatchMessagesBody,
  NeteaseImBatchSendError,
  type NeteaseImSendMessageBody,
} from '../src/index.js'
import { attachmentMd5 } from '../src/md5/index.js'
import { createNeteaseImFake } from '../src/testing/index.js'

const credentials = { appKey: 'test-app-key', appSecret: 'test-app-secret' }
const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex')
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const receivers = (count: number, from = 0) => Array.from({ length: count }, (_, index) => `u${from + index}`)

describe('rich messages end to end over HTTP on 127.0.0.1', () => {
  const fake = createNeteaseImFake({ firstMessageServerId: 9223372036854775807n })
  let server: Awaited<ReturnType<typeof serve>>
  const client = () =>
    createNeteaseIm({ ...credentials, baseURL: server.url, retry: { limit: 2, backoffLimit: 1 } })

  beforeAll(async () => {
    server = await serve(fake.handle)
  })
  afterAll(() => server.close())
  afterEach(() => fake.reset())

  function expectSigned(headers: Record<string, string> | undefined) {
    expect(headers?.appkey).toBe('test-app-key')
    expect(headers?.nonce).toMatch(/^[0-9a-f]{32}$/)
    expect(headers?.curtime).toMatch(/^\d{10}$/)
    expect(headers?.checksum).toBe(sha1(`${credentials.appSecret}${headers?.nonce}${headers?.curtime}`))
    expect(headers?.['x-custom-traceid']).toMatch(/^[0-9a-f]{32}$/)
    expect(headers?.['user-agent']).toBe('msg-netease-im/0.1.0')
  }

  it('sends an image, then recalls it by the exact 64-bit id the send returned', async () => {
    const attachment = {
      url: 'https://cdn.example.com/p.png',
      md5: attachmentMd5(png),
      size: 8,
      ext: 'png',
      w: 1,
      h: 1,
    }
    const netease = client()
    const sent = await netease.conversation.sendMessage('ops|1|bob', {
      message: { message_type: 1, attachment },
    })
    expect(sent.message_server_id).toBe('9223372036854775807')
    await netease.conversation.recallMessage('ops|1|bob', sent.message_server_id as string, { type: 2 })

    const [send, recall] = fake.requests
    expect([send?.method, send?.path]).toEqual(['POST', '/im/v2/conversations/ops%7C1%7Cbob/messages'])
    expectSigned(send?.headers)
    expect(send?.headers['content-type']).toBe('application/json;charset=utf-8')
    expect(JSON.parse(send?.text ?? '')).toEqual({
      message: { message_type: 1, attachment, message_client_id: expect.any(String) },
    })
    expect(attachment.md5).toBe(createHash('md5').update(png).digest('hex'))
    expect([recall?.method, recall?.url]).toEqual([
      'DELETE',
      `${server.url}/im/v2/conversations/ops%7C1%7Cbob/messages/9223372036854775807?type=2`,
    ])
    expectSigned(recall?.headers)
    expect(recall?.text).toBe('')
    expect(fake.inbox[0]?.recall).toEqual({ type: 2 })
  })

  it.each([
    { message_type: 2, attachment: { url: 'https://cdn.example.com/v.aac', dur: 1500, ext: 'aac' } },
    {
      message_type: 3,
      attachment: { url: 'https://cdn.example.com/v.mp4', dur: 9000, width: 640, height: 360 },
    },
    { message_type: 4, attachment: { title: 'West Lake', lat: 30.25, lng: 120.14 } },
    { message_type: 6, attachment: { url: 'https://cdn.example.com/r.pdf', name: 'r.pdf', size: 3 } },
    { message_type: 10, text: 'joined the team' },
    { message_type: 100, sub_type: 3, attachment: { order: { id: '9223372036854775807', total: 12.5 } } },
  ] as NeteaseImSendMessageBody['message'][])(
    'sends message_type $message_type as given',
    async (message) => {
      const data = await client().conversation.sendMessage('ops|2|team7', { message })
      expect(JSON.parse(fake.requests[0]?.text ?? '').message).toEqual({
        ...message,
        message_client_id: expect.any(String),
      })
      expect(data).toMatchObject({ message_type: message.message_type, conversation_type: 2 })
    },
  )

  it('sends 250 receivers as calls of 100, 100 and 50, each reported with its ids', async () => {
    // The 250 ids end exactly at int64 max.
    fake.reset()
    const batchFake = createNeteaseImFake({ firstMessageServerId: 9223372036854775807n - 249n })
    const batchServer = await serve(batchFake.handle)
    try {
      await sendTwoHundredFifty(batchFake, batchServer.url)
    } finally {
      await batchServer.close()
    }
  })

  async function sendTwoHundredFifty(fake: ReturnType<typeof createNeteaseImFake>, url: string) {
    const body: NeteaseImBatchMessagesBody = {
      sender_id: 'ops',
      receiver_ids: receivers(250),
      message: { message_type: 0, text: 'maintenance at 22:00' },
      push_config: { push_content: 'maintenance' },
    }
    const netease = createNeteaseIm({ ...credentials, baseURL: url, retry: 0 })
    const sent = await netease.conversation.sendBatchMessages(body, { idempotencyKey: 'maint' })
    expect(fake.requests.map((request) => [request.method, request.path])).toEqual(
      Array.from({ length: 3 }, () => ['POST', '/im/v2/conversations/messages']),
    )
    for (const request of fake.requests) expectSigned(request.headers)
    expect(fake.requests.map((request) => JSON.parse(request.text))).toEqual([
      { ...body, receiver_ids: receivers(100), message: { ...body.message, message_client_id: 'maint-1' } },
      {
        ...body,
        receiver_ids: receivers(100, 100),
        message: { ...body.message, message_client_id: 'maint-2' },
      },
      {
        ...body,
        receiver_ids: receivers(50, 200),
        message: { ...body.message, message_client_id: 'maint-3' },
      },
    ])
    expect(
      sent.batches.map((batch) => [batch.status, batch.receiver_ids.length, batch.success_list?.length]),
    ).toEqual([
      ['sent', 100, 100],
      ['sent', 100, 100],
      ['sent', 50, 50],
    ])
    expect(sent.batches.map((batch) => batch.traceId)).toEqual(
      fake.requests.map((request) => request.headers['x-custom-traceid']),
    )
    // Ids beyond 2^53 arrive exact, as raw JSON numbers up to int64 max.
    expect(sent.success_list.map((item) => item.message_server_id)).toEqual(
      Array.from({ length: 250 }, (_, index) => (9223372036854775558n + BigInt(index)).toString()),
    )
    expect(sent.success_list[249]?.message_server_id).toBe('9223372036854775807')
    expect(fake.inbox).toHaveLength(250)
  }

  it('stops at a failing call and reports the sent, failed and skipped calls', async () => {
    let call = 0
    fake.inject({ kind: 'rate-limit', code: 107323 }, { match: () => ++call === 2, times: 3 })
    const error = await createNeteaseIm({ ...credentials, baseURL: server.url, retry: 0 })
      .conversation.sendBatchMessages({
        sender_id: 'ops',
        receiver_ids: receivers(250),
        message: { message_type: 0, text: 'x' },
      })
      .catch((caught: unknown) => caught)
    expect(NeteaseImBatchSendError.isInstance(error)).toBe(true)
    const { batches, sent, notSent, unknown, cause } = error as NeteaseImBatchSendError
    expect(batches.map((batch) => [batch.status, batch.receiver_ids.length])).toEqual([
      ['sent', 100],
      ['failed', 100],
      ['skipped', 50],
    ])
    expect([sent, unknown, notSent]).toEqual([receivers(100), [], receivers(150, 100)])
    expect(cause).toMatchObject({ name: 'RateLimitError', code: 107323 })
    expect(fake.requests).toHaveLength(2)
    expect(fake.inbox).toHaveLength(100)
  })

  it('validates every operation before any request', async () => {
    const netease = client()
    const failures = await Promise.all([
      netease.conversation
        .sendMessage('ops|1|bob', { message: { message_type: 1 } } as never)
        .catch((e: unknown) => e),
      netease.conversation
        .sendBatchMessages({ sender_id: 'ops', receiver_ids: [], message: { message_type: 0, text: 'x' } })
        .catch((e: unknown) => e),
      netease.conversation
        .recallMessage('ops|1|bob', Number('9223372036854775807') as never, { type: 1 })
        .catch((e: unknown) => e),
      netease.conversation.recallMessage('ops|1|bob', '1', { type: 0 as never }).catch((e: unknown) => e),
      netease
        .channel({ from: 'ops', to: 'bob', type: 'p2p' })
        .send({ title: 'no text' } as never)
        .catch((e: unknown) => e),
    ])
    for (const failure of failures) expect(failure).toBeInstanceOf(ValidationError)
    expect(fake.requests).toHaveLength(0)
  })

  it('sends a Notice through the channel as one text: title, text and url on their own lines', async () => {
    const netease = client()
    const channel = netease.channel({ from: 'ops', to: 'bob', type: 'p2p' })
    const notice = { title: 'Deploy finished', text: 'api v2.3 is live', url: 'https://ci.example.com/7' }
    const sent = await channel.send(notice)
    expect(sent).toMatchObject({ vendor: 'netease-im', messageId: '9223372036854775807' })
    expect(JSON.parse(fake.requests[0]?.text ?? '').message).toEqual({
      message_type: 0,
      text: 'Deploy finished\napi v2.3 is live\nhttps://ci.example.com/7',
      message_client_id: expect.any(String),
    })

    const broken = createNeteaseIm({
      ...credentials,
      appSecret: 'wrong-secret',
      baseURL: server.url,
      retry: 0,
    })
    const viaFallback = await withFallback([
      broken.channel({ from: 'ops', to: 'bob', type: 'p2p' }),
      channel,
    ]).send({
      text: 'fallback body',
    })
    expect(viaFallback.vendor).toBe('netease-im')
    const results = await broadcast([channel, netease.channel({ from: 'ops', to: 'team7', type: 'team' })], {
      title: 'All hands',
      text: 'at 10:00',
    })
    expect(results.map((result) => result.ok)).toEqual([true, true])
    const delivered = fake.inbox.map((entry) => [entry.conversation_id, entry.message.text])
    expect(delivered.slice(0, 2)).toEqual([
      ['ops|1|bob', 'Deploy finished\napi v2.3 is live\nhttps://ci.example.com/7'],
      ['ops|1|bob', 'fallback body'],
    ])
    // broadcast sends in parallel: either order.
    expect(delivered.slice(2).sort()).toEqual([
      ['ops|1|bob', 'All hands\nat 10:00'],
      ['ops|2|team7', 'All hands\nat 10:00'],
    ])
  })
})
