import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { appSecret, exampleBody, setup } from '../../test/setup.js'
import { conversationId } from '../index.js'

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex')

describe('conversation.sendMessage', () => {
  it('sends the documented example body to the encoded conversation path, signed, and returns the documented data', async () => {
    const { fake, client } = setup()
    const data = await client.conversation.sendMessage('apifoxtest1|1|accid4', exampleBody)
    expect(fake.requests).toHaveLength(1)
    const [request] = fake.requests
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/im/v2/conversations/apifoxtest1%7C1%7Caccid4/messages')
    expect(request?.headers['content-type']).toBe('application/json;charset=utf-8')
    expect(request?.headers.appkey).toBe('test-app-key')
    expect(request?.headers.nonce).toMatch(/^[0-9a-f]{32}$/)
    expect(request?.headers.curtime).toMatch(/^\d{10}$/)
    expect(request?.headers['x-custom-traceid']).toMatch(/^[0-9a-f]{32}$/)
    const clientId = (request!.body as { message: { message_client_id: string } }).message.message_client_id
    expect(request?.body).toEqual({
      ...exampleBody,
      message: { ...exampleBody.message, message_client_id: clientId },
    })
    expect(request?.body).not.toHaveProperty('conversation_id')
    expect(data).toEqual({
      message_server_id: '9007199254740993',
      message_client_id: clientId,
      sender_id: 'apifoxtest1',
      conversation_type: 1,
      receiver_id: 'accid4',
      create_time: expect.any(Number),
      message_type: 0,
      sub_type: 26357002,
      text: exampleBody.message.text,
      attachment: exampleBody.message.attachment,
    })
  })

  it('sends CheckSum = sha1(AppSecret + Nonce + CurTime), re-signed with a new Nonce on a retry', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'server-error', code: 503 })
    await client.conversation.sendMessage('a|1|b', { message: { message_type: 0, text: 'hi' } })
    expect(fake.requests).toHaveLength(2)
    const [first, second] = fake.requests.map((request) => request.headers)
    for (const headers of [first, second])
      expect(headers?.checksum).toBe(sha1(`${appSecret}${headers?.nonce}${headers?.curtime}`))
    expect(second?.nonce).not.toBe(first?.nonce)
    expect(second?.checksum).not.toBe(first?.checksum)
  })

  it('keeps message_type 0 on the wire (no falsy drop)', async () => {
    const { fake, client } = setup()
    const data = await client.conversation.sendMessage('a|1|b', {
      message: { message_type: 0, text: 'zero' },
    })
    const body = fake.requests[0]?.body as { message: Record<string, unknown> }
    expect(body.message.message_type).toBe(0)
    expect(fake.inbox[0]?.message.message_type).toBe(0)
    expect(data.message_type).toBe(0)
  })

  it('returns message_server_id exactly beyond 2^53 (int64 max)', async () => {
    const { client } = setup({}, { firstMessageServerId: 9223372036854775807n })
    const data = await client.conversation.sendMessage('a|1|b', { message: { message_type: 0, text: 'hi' } })
    expect(data.message_server_id).toBe('9223372036854775807')
  })

  it('normalises a safe-integer message_server_id to a string', async () => {
    const { client } = setup({}, { firstMessageServerId: 9899821270208n })
    const data = await client.conversation.sendMessage('a|1|b', { message: { message_type: 0, text: 'hi' } })
    expect(data.message_server_id).toBe('9899821270208')
  })

  it('encodes the id for teams and super teams built with conversationId()', async () => {
    const { fake, client } = setup()
    const id = conversationId({ senderId: 'ops bot', type: 'superteam', receiverId: 'team/7' })
    await client.conversation.sendMessage(id, { message: { message_type: 0, text: 'hi' } })
    expect(fake.requests[0]?.path).toBe('/im/v2/conversations/ops%20bot%7C3%7Cteam%2F7/messages')
    expect(fake.inbox[0]).toMatchObject({ sender_id: 'ops bot', conversation_type: 3, receiver_id: 'team/7' })
  })

  it('uses options.idempotencyKey as message_client_id, but a message_client_id in the body wins', async () => {
    const { fake, client } = setup()
    await client.conversation.sendMessage(
      'a|1|b',
      { message: { message_type: 0, text: 'x' } },
      { idempotencyKey: 'k1' },
    )
    await client.conversation.sendMessage(
      'a|1|b',
      { message: { message_type: 0, text: 'x', message_client_id: 'mine' } },
      { idempotencyKey: 'k2' },
    )
    expect(fake.inbox.map((entry) => entry.message_client_id)).toEqual(['k1', 'mine'])
  })

  it('honours a caller X-custom-traceid header', async () => {
    const { fake, client } = setup()
    await client.conversation.sendMessage(
      'a|1|b',
      { message: { message_type: 0, text: 'x' } },
      { headers: { 'X-Custom-TraceId': 'trace-1' } },
    )
    expect(fake.inbox[0]?.trace_id).toBe('trace-1')
  })

  it('passes fields the schema does not check through unchanged', async () => {
    const { fake, client } = setup()
    await client.conversation.sendMessage('a|1|b', {
      message: { message_type: 100, sub_type: 1, attachment: { custom: true } },
      target_option: { receiver_ids: ['c'], inclusive: true },
    })
    expect(fake.requests[0]?.body).toMatchObject({ target_option: { receiver_ids: ['c'], inclusive: true } })
  })
})
