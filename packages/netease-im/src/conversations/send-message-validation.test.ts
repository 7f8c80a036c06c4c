import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { setup } from '../../test/setup.js'
import type { NeteaseImSendMessageBody } from '../index.js'

const message = { message_type: 0 as const, text: 'hi' }

async function rejection(body: unknown, conversation = 'a|1|b', settings = {}) {
  const { fake, client } = setup(settings)
  const error = await client.conversation
    .sendMessage(conversation, body as NeteaseImSendMessageBody)
    .catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ValidationError)
  expect(fake.requests).toHaveLength(0)
  return (error as ValidationError).issues
}

describe('conversation.sendMessage validation (nothing sent)', () => {
  it.each([
    [
      'empty text',
      { message: { message_type: 0, text: '' } },
      'body.message.text',
      'must not be empty for a text or tip message',
    ],
    [
      'missing text',
      { message: { message_type: 10 } },
      'body.message.text',
      'must not be empty for a text or tip message',
    ],
    [
      'text over 5000',
      { message: { message_type: 0, text: 'x'.repeat(5001) } },
      'body.message.text',
      'at most 5000 characters',
    ],
    [
      'description over 500',
      { message: { message_type: 1, text: 'x'.repeat(501) } },
      'body.message.text',
      'at most 500 characters',
    ],
    ['missing message_type', { message: { text: 'hi' } }, 'body.message.message_type', 'is required'],
    [
      'negative message_type',
      { message: { message_type: -1, text: 'hi' } },
      'body.message.message_type',
      'must be at least 0',
    ],
    [
      'empty message_client_id',
      { message: { ...message, message_client_id: '' } },
      'body.message.message_client_id',
      'must not be empty',
    ],
    [
      'push_content over 500',
      { message, push_config: { push_content: 'x'.repeat(501) } },
      'body.push_config.push_content',
      'at most 500 characters',
    ],
    [
      'push_payload not JSON',
      { message, push_config: { push_payload: '{nope' } },
      'body.push_config.push_payload',
      'must be valid JSON',
    ],
    [
      'push_payload over 2048',
      { message, push_config: { push_payload: JSON.stringify('x'.repeat(2047)) } },
      'body.push_config.push_payload',
      'at most 2048 characters',
    ],
    [
      'push_forcepush_ids over 100',
      { message, push_config: { push_forcepush_ids: Array.from({ length: 101 }, String) } },
      'body.push_config.push_forcepush_ids',
      'at most 100 account ids',
    ],
    [
      'antispam_extension over 1024',
      { message, antispam_config: { antispam_extension: JSON.stringify('x'.repeat(1023)) } },
      'body.antispam_config.antispam_extension',
      'at most 1024 characters',
    ],
    [
      'antispam_cheating not JSON',
      { message, antispam_config: { antispam_cheating: 'email=1' } },
      'body.antispam_config.antispam_cheating',
      'must be valid JSON',
    ],
    [
      'both no-sense flags',
      { message, sender_no_sense: true, receiver_no_sense: true },
      'body',
      'sender_no_sense and receiver_no_sense must not both be true',
    ],
  ])('rejects %s', async (_name, body, path, text) => {
    expect(await rejection(body)).toContainEqual({ path, message: text })
  })

  it.each(['a|4|b', 'a|0|b', 'a|1', '|1|b', 'a|1|b|c', 'a|p2p|b'])(
    'rejects conversation id %s',
    async (id) => {
      expect(await rejection({ message }, id)).toContainEqual({
        path: 'conversation_id',
        message: 'must be sender_id|conversation_type|receiver_id with type 1, 2 or 3',
      })
    },
  )

  it('applies a configured textLimit', async () => {
    expect(
      await rejection({ message: { message_type: 0, text: 'x'.repeat(11) } }, 'a|1|b', { textLimit: 10 }),
    ).toEqual([{ path: 'body.message.text', message: 'at most 10 characters' }])
    const { fake, client } = setup({ textLimit: 10 })
    await client.conversation.sendMessage('a|1|b', { message: { message_type: 0, text: 'x'.repeat(10) } })
    expect(fake.inbox).toHaveLength(1)
  })

  it('accepts the limits exactly and a null push_payload', async () => {
    const { fake, client } = setup()
    await client.conversation.sendMessage('a|2|team1', {
      message: { message_type: 0, text: 'x'.repeat(5000) },
      push_config: {
        push_content: 'x'.repeat(500),
        push_payload: null,
        push_forcepush_ids: Array.from({ length: 100 }, String),
      },
      antispam_config: { antispam_cheating: JSON.stringify({ a: 'x'.repeat(1000) }) },
    })
    expect(fake.inbox).toHaveLength(1)
  })

  it('names the operation and says nothing was sent', async () => {
    const { client } = setup()
    await expect(
      client.conversation.sendMessage('a|1|b', { message: { message_type: 0, text: '' } }),
    ).rejects.toThrow('[@msg/netease-im] conversation.sendMessage: invalid input, nothing was sent')
  })
})

describe('conversation.sendMessage shape errors', () => {
  it('reports a missing message as required and a non-object as such', async () => {
    expect(await rejection({})).toContainEqual({ path: 'body.message', message: 'is required' })
    expect(await rejection({ message: 'hi' })).toContainEqual({
      path: 'body.message',
      message: 'must be an object',
    })
    expect(await rejection({ message: { message_type: '0', text: 'x' } })).toContainEqual({
      path: 'body.message.message_type',
      message: 'must be a number',
    })
  })
})
