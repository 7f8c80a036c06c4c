import { describe, expect, it } from 'vitest'
import { createSignatureHeaders } from '../netease-im-auth.js'
import { createNeteaseImFake } from './index.js'
import { rawJson } from './netease-im-fake-replies.js'

const credentials = { appKey: 'test-app-key', appSecret: 'test-app-secret' }
const origin = 'https://open.yunxinapi.com'

async function call(
  fake: ReturnType<typeof createNeteaseImFake>,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fake.handle(
    new Request(`${origin}${path}`, {
      method,
      headers: {
        'content-type': 'application/json;charset=utf-8',
        ...(await createSignatureHeaders(credentials)),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  )
  return response.text()
}

const batch = (receiver_ids: unknown, message: unknown = { message_type: 0, text: 'hi' }) => ({
  sender_id: 'ops',
  receiver_ids,
  message,
})

describe('the fake batch send', () => {
  it('answers success_list with raw int64 ids beyond 2^53 and stores one entry per receiver', async () => {
    const fake = createNeteaseImFake({ firstMessageServerId: 9223372036854775806n })
    const reply = await call(fake, 'POST', '/im/v2/conversations/messages', batch(['a', 'b']))
    expect(reply).toContain('"message_server_id":9223372036854775806,')
    expect(reply).toContain('"message_server_id":9223372036854775807,')
    expect(fake.inbox.map((entry) => [entry.conversation_id, entry.message_server_id, entry.batch])).toEqual([
      ['ops|1|a', '9223372036854775806', true],
      ['ops|1|b', '9223372036854775807', true],
    ])
  })

  it.each([
    [batch(Array.from({ length: 101 }, (_, index) => `u${index}`)), 'receiver_ids exceeds 100'],
    [batch([]), 'receiver_ids'],
    [batch(['a', 7]), 'receiver_ids'],
    [{ ...batch(['a']), sender_id: '' }, 'sender_id'],
    [batch(['a'], { message_type: 1 }), 'message.attachment is required for this message_type'],
    [batch(['a'], { message_type: 1, attachment: { url: 5 } }), 'message.attachment.url'],
    [batch(['a'], { message_type: 2, attachment: { url: 'u' } }), 'message.attachment.dur'],
    [batch(['a'], { message_type: 4, attachment: { lat: '1', lng: 2 } }), 'message.attachment.lat'],
    [batch(['a'], { message_type: 1, attachment: { url: 'u', width: '9' } }), 'message.attachment.width'],
    [batch(['a'], { message_type: 0, text: '' }), 'message.text'],
  ])('refuses %o with 414 naming %s', async (body, parameter) => {
    const fake = createNeteaseImFake()
    expect(await call(fake, 'POST', '/im/v2/conversations/messages', body)).toBe(
      `{"code":414,"msg":"parameter error: ${parameter}","data":{}}`,
    )
    expect(fake.inbox).toHaveLength(0)
  })

  it('accepts a custom attachment of any JSON object', async () => {
    const fake = createNeteaseImFake()
    const body = batch(['a'], { message_type: 100, attachment: { anything: [1, { deep: true }] } })
    expect(await call(fake, 'POST', '/im/v2/conversations/messages', body)).toContain('"code":200')
  })
})

describe('the fake recall', () => {
  it('recalls a message it holds by conversation and exact id, and refuses the rest', async () => {
    const fake = createNeteaseImFake({ firstMessageServerId: 9223372036854775807n })
    await call(fake, 'POST', '/im/v2/conversations/a%7C1%7Cb/messages', {
      message: { message_type: 0, text: 'x' },
    })
    const path = '/im/v2/conversations/a%7C1%7Cb/messages/9223372036854775807'
    expect(await call(fake, 'DELETE', `${path}?type=3`)).toBe('{"code":200,"msg":"success","data":{}}')
    expect(fake.inbox[0]?.recall).toEqual({ type: 3 })
    expect(await call(fake, 'DELETE', `${path}?type=4`)).toContain('parameter error: type')
    expect(await call(fake, 'DELETE', path)).toContain('parameter error: type')
    expect(
      await call(fake, 'DELETE', '/im/v2/conversations/a%7C1%7Cb/messages/9223372036854775806?type=1'),
    ).toContain('"code":404')
    expect(
      await call(fake, 'DELETE', '/im/v2/conversations/a%7C2%7Cb/messages/9223372036854775807?type=1'),
    ).toContain('"code":404')
    expect(await call(fake, 'DELETE', '/im/v2/conversations/a%7C1%7Cb/messages/9.2e18?type=1')).toContain(
      'parameter error: message_server_id',
    )
  })
})

describe('rawJson', () => {
  it('writes bigints as raw numbers and leaves strings alone', () => {
    expect(rawJson({ id: 2n ** 63n - 1n, list: [1n], text: '9' })).toBe(
      '{"id":9223372036854775807,"list":[1],"text":"9"}',
    )
  })
})
