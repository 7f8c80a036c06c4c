import { createHash } from 'node:crypto'
import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { appSecret, setup } from '../../test/setup.js'
import type { NeteaseImRecallOptions } from '../index.js'

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex')
const image = { message_type: 1 as const, attachment: { url: 'https://cdn.example.com/a.png' } }

describe('conversation.recallMessage', () => {
  it('DELETEs the exact id a send returned, signed, with type in the query', async () => {
    const { fake, client } = setup({}, { firstMessageServerId: 9223372036854775807n })
    const sent = await client.conversation.sendMessage('ops|1|bob', { message: image })
    expect(sent.message_server_id).toBe('9223372036854775807')
    await client.conversation.recallMessage('ops|1|bob', sent.message_server_id as string, { type: 2 })
    const recall = fake.requests[1]
    expect(recall?.method).toBe('DELETE')
    expect(recall?.path).toBe('/im/v2/conversations/ops%7C1%7Cbob/messages/9223372036854775807')
    expect(new URL(recall?.url ?? '').search).toBe('?type=2')
    expect(recall?.text).toBe('')
    expect(recall?.headers.checksum).toBe(
      sha1(`${appSecret}${recall?.headers.nonce}${recall?.headers.curtime}`),
    )
    expect(recall?.headers['x-custom-traceid']).toMatch(/^[0-9a-f]{32}$/)
    expect(fake.inbox[0]?.recall).toEqual({ type: 2 })
  })

  it('sends server_extension and notify when given', async () => {
    const { fake, client } = setup()
    const sent = await client.conversation.sendMessage('ops|2|team1', {
      message: { message_type: 0, text: 'oops' },
    })
    await client.conversation.recallMessage('ops|2|team1', sent.message_server_id as string, {
      type: 1,
      server_extension: '{"reason":"typo"}',
      notify: 'recalled by ops',
    })
    const query = new URL(fake.requests[1]?.url ?? '').searchParams
    expect([...query]).toEqual([
      ['type', '1'],
      ['server_extension', '{"reason":"typo"}'],
      ['notify', 'recalled by ops'],
    ])
    expect(fake.inbox[0]?.recall).toEqual({
      type: 1,
      server_extension: '{"reason":"typo"}',
      notify: 'recalled by ops',
    })
  })

  it('surfaces NetEase refusing an unknown message as a VendorError', async () => {
    const { client } = setup()
    await expect(client.conversation.recallMessage('ops|1|bob', '42', { type: 3 })).rejects.toMatchObject({
      name: 'VendorError',
      code: 404,
      delivery: 'not-sent',
    })
  })

  it.each([
    [
      'a|4|b',
      '1',
      { type: 1 },
      'conversation_id',
      'must be sender_id|conversation_type|receiver_id with type 1, 2 or 3',
    ],
    [
      'a|1|b',
      Number('9007199254740993'), // already 9007199254740992
      { type: 1 },
      'message_server_id',
      'must be a decimal string (a number may already have lost digits)',
    ],
    ['a|1|b', '01', { type: 1 }, 'message_server_id', 'must be a positive integer in decimal digits'],
    ['a|1|b', '9223372036854775808', { type: 1 }, 'message_server_id', 'must fit in a signed 64-bit integer'],
    [
      'a|1|b',
      '1',
      { type: 4 },
      'options.type',
      'must be 1 (one-way recall), 2 (two-way recall) or 3 (delete)',
    ],
    ['a|1|b', '1', undefined, 'options', 'is required'],
    ['a|1|b', '1', { type: 1, notify: 7 }, 'options.notify', 'must be a string'],
  ])('validates %s / %s / %o before any request', async (conversation, id, recall, path, rule) => {
    const { fake, client } = setup()
    const error = await client.conversation
      .recallMessage(conversation, id as string, recall as NeteaseImRecallOptions)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues).toContainEqual({ path, message: rule })
    expect(fake.requests).toHaveLength(0)
  })
})

describe('conversation.recallMessage retries', () => {
  it('retries a 503 under the same X-custom-traceid, re-signed', async () => {
    const { fake, client } = setup()
    const sent = await client.conversation.sendMessage('ops|1|bob', { message: image })
    fake.inject({ kind: 'server-error', code: 503 })
    await client.conversation.recallMessage('ops|1|bob', sent.message_server_id as string, { type: 1 })
    const recalls = fake.requests.slice(1)
    expect(recalls.map((request) => request.method)).toEqual(['DELETE', 'DELETE'])
    expect(recalls[0]?.headers['x-custom-traceid']).toBe(recalls[1]?.headers['x-custom-traceid'])
    expect(recalls[0]?.headers.nonce).not.toBe(recalls[1]?.headers.nonce)
    expect(fake.inbox[0]?.recall).toEqual({ type: 1 })
  })
})
