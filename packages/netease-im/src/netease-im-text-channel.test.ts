import { ValidationError, withFallback } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { setup } from '../test/setup.js'

describe('sendText and channel', () => {
  it('sends message_type 0 to the p2p conversation and returns a SentMessage', async () => {
    const { fake, client } = setup()
    const sent = await client.sendText({ from: 'alice', to: 'bob', type: 'p2p' }, 'hello')
    const request = fake.requests[0]
    expect(request?.path).toBe('/im/v2/conversations/alice%7C1%7Cbob/messages')
    expect(request?.body).toEqual({
      message: {
        message_type: 0,
        text: 'hello',
        message_client_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    })
    expect(sent).toEqual({
      vendor: 'netease-im',
      messageId: '9007199254740993',
      requestId: request?.headers['x-custom-traceid'],
      raw: expect.objectContaining({ message_server_id: '9007199254740993', text: 'hello' }),
    })
  })

  it('reuses message_client_id and X-custom-traceid across a retried send: one inbox entry', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'server-error', delivered: true })
    const sent = await client.sendText({ from: 'alice', to: 'team9', type: 'team' }, 'hi', {
      idempotencyKey: 'k-1',
    })
    expect(fake.requests).toHaveLength(2)
    const clientIds = fake.requests.map((r) => (r.body as { message: { message_client_id: string } }).message)
    expect(clientIds.map((message) => message.message_client_id)).toEqual(['k-1', 'k-1'])
    const traces = fake.requests.map((r) => r.headers['x-custom-traceid'])
    expect(traces[0]).toBe(traces[1])
    expect(fake.inbox).toHaveLength(1)
    expect(fake.inbox[0]).toMatchObject({ conversation_id: 'alice|2|team9', message_client_id: 'k-1' })
    expect(sent).toMatchObject({ vendor: 'netease-im', raw: { duplicate: true, message_client_id: 'k-1' } })
    expect(sent.messageId).toBeUndefined()
  })

  it('validates the target before sending', async () => {
    const { fake, client } = setup()
    const error = await client
      .sendText({ from: 'a|b', to: '', type: 'group' as never }, 'hi')
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['from', 'to', 'type'])
    await expect(client.sendText({ from: 'a', to: 'b', type: 3 }, '')).rejects.toBeInstanceOf(ValidationError)
    expect(fake.requests).toHaveLength(0)
  })

  it('channel(target) sends through the same path and works with withFallback', async () => {
    const { fake, client } = setup()
    const channel = client.channel({ from: 'alice', to: 'st1', type: 'superteam' })
    expect(channel.vendor).toBe('netease-im')
    const sent = await withFallback([channel]).send('via channel')
    expect(sent.messageId).toBe('9007199254740993')
    expect(fake.inbox[0]).toMatchObject({ conversation_type: 3, message: { text: 'via channel' } })
  })
})
