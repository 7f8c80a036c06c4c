import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { setup } from '../../test/setup.js'
import type { NeteaseImMessage, NeteaseImSendMessageBody } from '../index.js'

const image = { url: 'https://cdn.example.com/a.jpg', md5: 'd41d8cd98f00b204e9800998ecf8427e', ext: 'jpg' }

async function issues(message: unknown) {
  const { fake, client } = setup()
  const error = await client.conversation
    .sendMessage('a|1|b', { message } as NeteaseImSendMessageBody)
    .catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ValidationError)
  expect(fake.requests).toHaveLength(0)
  return (error as ValidationError).issues
}

describe('rich message validation (nothing sent)', () => {
  it.each([1, 2, 3, 4, 6, 100, 5])('requires an attachment for message_type %i', async (type) => {
    expect(await issues({ message_type: type })).toContainEqual({
      path: 'body.message.attachment',
      message: 'is required for every message_type but 0 (text) and 10 (tip)',
    })
  })

  it.each([
    [
      'a string attachment',
      { message_type: 100, attachment: '{"a":1}' },
      'body.message.attachment',
      'must be an object',
    ],
    [
      'an array attachment',
      { message_type: 1, attachment: [image] },
      'body.message.attachment',
      'must be an object',
    ],
    [
      'an image without url',
      { message_type: 1, attachment: { md5: image.md5 } },
      'body.message.attachment.url',
      'is required',
    ],
    [
      'an empty url',
      { message_type: 6, attachment: { url: '' } },
      'body.message.attachment.url',
      'must not be empty',
    ],
    [
      'a base64 md5',
      { message_type: 1, attachment: { ...image, md5: '1B2M2Y8AsgTpgAmY7PhCfg==' } },
      'body.message.attachment.md5',
      'must be 32 hex digits',
    ],
    [
      'a fractional width',
      { message_type: 1, attachment: { ...image, width: 1.5 } },
      'body.message.attachment.width',
      'must be an integer',
    ],
    [
      'a string h',
      { message_type: 1, attachment: { ...image, h: '80' } },
      'body.message.attachment.h',
      'must be a number',
    ],
    [
      'a negative size',
      { message_type: 6, attachment: { ...image, size: -1 } },
      'body.message.attachment.size',
      'must be at least 0',
    ],
    [
      'audio without dur',
      { message_type: 2, attachment: { url: image.url } },
      'body.message.attachment.dur',
      'is required',
    ],
    [
      'video with a string dur',
      { message_type: 3, attachment: { url: image.url, dur: '5' } },
      'body.message.attachment.dur',
      'must be a number',
    ],
    [
      'location without lng',
      { message_type: 4, attachment: { lat: 30 } },
      'body.message.attachment.lng',
      'is required',
    ],
    [
      'latitude 91',
      { message_type: 4, attachment: { lat: 91, lng: 0 } },
      'body.message.attachment.lat',
      'must be at most 90',
    ],
    [
      'longitude −181',
      { message_type: 4, attachment: { lat: 0, lng: -181 } },
      'body.message.attachment.lng',
      'must be at least -180',
    ],
    [
      'a description over 500',
      { message_type: 6, attachment: image, text: 'x'.repeat(501) },
      'body.message.text',
      'at most 500 characters',
    ],
  ])('rejects %s', async (_name, message, path, rule) => {
    expect(await issues(message)).toContainEqual({ path, message: rule })
  })

  it('lists every broken rule at once', async () => {
    expect(await issues({ message_type: 3, attachment: { width: -1 } })).toEqual([
      { path: 'body.message.attachment.url', message: 'is required' },
      { path: 'body.message.attachment.width', message: 'must be at least 0' },
      { path: 'body.message.attachment.dur', message: 'is required' },
    ])
  })
})

describe('rich messages on the wire', () => {
  const messages: NeteaseImMessage[] = [
    { message_type: 1, attachment: { ...image, width: 640, height: 480, size: 1024, name: 'a.jpg' } },
    { message_type: 1, attachment: { ...image, w: 640, h: 480 } },
    { message_type: 2, attachment: { url: 'https://cdn.example.com/v.aac', dur: 3200, ext: 'aac', size: 9 } },
    {
      message_type: 3,
      text: 'the demo',
      attachment: { url: 'https://cdn.example.com/v.mp4', dur: 1000, width: 1, height: 1 },
    },
    { message_type: 4, attachment: { title: 'Hangzhou', lat: 30.27, lng: 120.15 } },
    {
      message_type: 6,
      attachment: { url: 'https://cdn.example.com/r.pdf', name: 'r.pdf', ext: 'pdf', size: 12 },
    },
    { message_type: 10, text: 'a tip' },
    { message_type: 100, sub_type: 7, attachment: { card: { title: 'x' }, list: [1, 2], future_key: null } },
  ]

  it.each(messages)('sends message_type $message_type with its attachment unchanged', async (message) => {
    const { fake, client } = setup()
    const data = await client.conversation.sendMessage('a|1|b', { message })
    const sent = (fake.requests[0]!.body as { message: Record<string, unknown> }).message
    expect(sent).toEqual({ ...message, message_client_id: expect.any(String) })
    expect(data).toMatchObject({ message_type: message.message_type, message_server_id: '9007199254740993' })
    if ('attachment' in message) expect(data.attachment).toEqual(message.attachment)
  })

  it('types each message_type with its own attachment', () => {
    // @ts-expect-error an image needs an attachment
    const noAttachment: NeteaseImMessage = { message_type: 1 }
    // @ts-expect-error an audio attachment needs dur
    const noDuration: NeteaseImMessage = { message_type: 2, attachment: { url: 'u' } }
    // @ts-expect-error a text needs text
    const noText: NeteaseImMessage = { message_type: 0 }
    expect([noAttachment, noDuration, noText]).toHaveLength(3)
  })
})
