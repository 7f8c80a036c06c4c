import { ValidationError, VendorError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { setup } from '../../test/setup.js'
import { type NeteaseImBatchMessagesBody, NeteaseImBatchSendError } from '../index.js'

const receivers = (count: number, from = 0) => Array.from({ length: count }, (_, index) => `u${from + index}`)
const text = { message_type: 0 as const, text: 'hello all' }
type SentBody = { receiver_ids: string[]; message: { message_client_id: string } }
const bodies = (fake: ReturnType<typeof setup>['fake']) =>
  fake.requests.map((request) => request.body as SentBody)

describe('conversation.sendBatchMessages', () => {
  it('sends one call to /im/v2/conversations/messages and returns the exact ids', async () => {
    const { fake, client } = setup({}, { firstMessageServerId: 9223372036854775806n })
    const sent = await client.conversation.sendBatchMessages({
      sender_id: 'ops',
      receiver_ids: ['a', 'b'],
      message: text,
      need_message_detail: true,
    })
    const [request] = fake.requests
    expect(request?.path).toBe('/im/v2/conversations/messages')
    expect(request?.headers['content-type']).toBe('application/json;charset=utf-8')
    expect(request?.body).toEqual({
      sender_id: 'ops',
      receiver_ids: ['a', 'b'],
      message: { ...text, message_client_id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      need_message_detail: true,
    })
    expect(sent.success_list.map((item) => [item.receiver_id, item.message_server_id])).toEqual([
      ['a', '9223372036854775806'],
      ['b', '9223372036854775807'],
    ])
    expect(sent.failed_list).toEqual([])
    expect(sent.batches).toEqual([
      expect.objectContaining({
        receiver_ids: ['a', 'b'],
        status: 'sent',
        traceId: request?.headers['x-custom-traceid'],
      }),
    ])
  })

  it('splits 250 receivers into 100, 100 and 50, each call with its own ids', async () => {
    const { fake, client } = setup()
    const sent = await client.conversation.sendBatchMessages(
      { sender_id: 'ops', receiver_ids: receivers(250), message: text },
      { idempotencyKey: 'launch' },
    )
    expect(bodies(fake).map((body) => body.receiver_ids)).toEqual([
      receivers(100),
      receivers(100, 100),
      receivers(50, 200),
    ])
    expect(bodies(fake).map((body) => body.message.message_client_id)).toEqual([
      'launch-1',
      'launch-2',
      'launch-3',
    ])
    expect(new Set(fake.requests.map((request) => request.headers['x-custom-traceid'])).size).toBe(3)
    expect(sent.success_list).toHaveLength(250)
    expect(sent.batches.map((batch) => [batch.status, batch.receiver_ids.length])).toEqual([
      ['sent', 100],
      ['sent', 100],
      ['sent', 50],
    ])
  })

  it("keeps each call's ids on its retry: delivered once, reported as a duplicate", async () => {
    const { fake, client } = setup()
    let call = 0
    fake.inject({ kind: 'server-error', delivered: true }, { match: () => ++call === 2 })
    const sent = await client.conversation.sendBatchMessages(
      { sender_id: 'ops', receiver_ids: receivers(150), message: text },
      { headers: { 'X-Custom-TraceId': 'trace' } },
    )
    expect(fake.requests.map((request) => request.headers['x-custom-traceid'])).toEqual([
      'trace-1',
      'trace-2',
      'trace-2',
    ])
    expect(bodies(fake)[1]?.message.message_client_id).toBe(bodies(fake)[2]?.message.message_client_id)
    expect(fake.inbox).toHaveLength(150)
    expect(sent.batches[1]).toMatchObject({ status: 'sent', duplicate: true })
  })

  it('reports receivers NetEase refused inside an accepted call in failed_list', async () => {
    const { client } = setup({}, { missingAccounts: ['u1'] })
    const sent = await client.conversation.sendBatchMessages({
      sender_id: 'ops',
      receiver_ids: receivers(3),
      message: text,
    })
    expect(sent.failed_list).toEqual([
      { receiver_id: 'u1', error_code: 102404, error_msg: 'account not exist' },
    ])
    expect(sent.success_list.map((item) => item.receiver_id)).toEqual(['u0', 'u2'])
  })

  it('stops at a failing call of several: NeteaseImBatchSendError lists every call', async () => {
    const { fake, client } = setup({}, { missingAccounts: ['u3'] })
    let call = 0
    fake.inject({ kind: 'code', code: 107410, msg: 'messaging disabled' }, { match: () => ++call === 2 })
    const error = await client.conversation
      .sendBatchMessages({ sender_id: 'ops', receiver_ids: receivers(250), message: text })
      .catch((caught: unknown) => caught)
    expect(NeteaseImBatchSendError.isInstance(error)).toBe(true)
    const batchError = error as NeteaseImBatchSendError
    expect(batchError.batches.map((batch) => batch.status)).toEqual(['sent', 'failed', 'skipped'])
    expect(batchError.sent).toEqual(receivers(100).filter((id) => id !== 'u3'))
    expect(batchError.notSent).toEqual(['u3', ...receivers(150, 100)])
    expect(batchError.unknown).toEqual([])
    expect(batchError.cause).toBeInstanceOf(VendorError)
    expect(batchError.batches[1]?.error).toBe(batchError.cause)
    expect(batchError.delivery).toBe('unknown')
    expect(batchError.message).toBe(
      '[@msg/netease-im] conversation.sendBatchMessages: call 2 of 3 failed, 99 receivers sent, 0 unknown, 151 not sent: POST /im/v2/conversations/messages: vendor code 107410 (messaging disabled)',
    )
    expect(fake.requests).toHaveLength(2)
  })

  it('counts a call whose answer was lost as unknown', async () => {
    const { fake, client } = setup({ retry: 0 })
    let call = 0
    fake.inject({ kind: 'server-error', delivered: true }, { match: () => ++call === 1 })
    const error = (await client.conversation
      .sendBatchMessages({ sender_id: 'ops', receiver_ids: receivers(101), message: text })
      .catch((caught: unknown) => caught)) as NeteaseImBatchSendError
    expect([error.sent, error.unknown, error.notSent]).toEqual([[], receivers(100), ['u100']])
    expect(error.delivery).toBe('unknown')
  })

  it("throws a single call's error as is", async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'code', code: 102421, msg: 'chat banned' })
    await expect(
      client.conversation.sendBatchMessages({ sender_id: 'ops', receiver_ids: ['a'], message: text }),
    ).rejects.toMatchObject({ name: 'VendorError', code: 102421 })
  })

  it.each([
    [{ receiver_ids: ['a'], message: text }, 'sender_id', 'is required'],
    [{ sender_id: 'ops', receiver_ids: [], message: text }, 'receiver_ids', 'at least 1 receiver'],
    [{ sender_id: 'ops', receiver_ids: ['a|b'], message: text }, 'receiver_ids[0]', 'must not contain |'],
    [
      { sender_id: 'ops', receiver_ids: ['a'], message: { message_type: 1 } },
      'message.attachment',
      'is required for every message_type but 0 (text) and 10 (tip)',
    ],
    [
      { sender_id: 'ops', receiver_ids: ['a'], message: text, need_message_detail: 'yes' },
      'need_message_detail',
      'must be a boolean',
    ],
    [
      { sender_id: 'ops', receiver_ids: receivers(101), message: { ...text, message_client_id: 'one' } },
      'message.message_client_id',
      'must be left out for more than 100 receivers (each call gets its own; use idempotencyKey)',
    ],
  ])('validates before any call: %o', async (body, path, rule) => {
    const { fake, client } = setup()
    const error = await client.conversation
      .sendBatchMessages(body as unknown as NeteaseImBatchMessagesBody)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues).toContainEqual({ path, message: rule })
    expect(fake.requests).toHaveLength(0)
  })

  it('accepts a caller message_client_id for up to 100 receivers', async () => {
    const { fake, client } = setup()
    await client.conversation.sendBatchMessages({
      sender_id: 'ops',
      receiver_ids: receivers(100),
      message: { ...text, message_client_id: 'mine' },
    })
    expect(bodies(fake)[0]?.message.message_client_id).toBe('mine')
  })
})
