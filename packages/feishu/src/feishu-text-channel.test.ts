import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createFeishu } from './feishu-client.js'
import { createFeishuFake } from './testing/index.js'

function setup() {
  const fake = createFeishuFake()
  const client = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch })
  const sends = () => fake.requests.filter((request) => !request.path.endsWith('/internal'))
  return { fake, client, sends }
}

describe('sendText / channel', () => {
  it('maps each target to its receive_id_type and returns a SentMessage', async () => {
    const { fake, client, sends } = setup()
    const targets = [
      { chatId: 'oc_1' },
      { openId: 'ou_1' },
      { userId: 'u_1' },
      { unionId: 'on_1' },
      { email: 'a@b.c' },
    ]
    for (const target of targets) await client.sendText(target, 'hi')
    expect(sends().map((request) => request.query.receive_id_type)).toEqual([
      'chat_id',
      'open_id',
      'user_id',
      'union_id',
      'email',
    ])
    const sent = await client.channel({ openId: 'ou_9' }).send('via channel')
    expect(sent).toMatchObject({ vendor: 'feishu', messageId: fake.inbox.at(-1)?.message_id })
    expect(sent.requestId).toMatch(/^2026[0-9A-F]+$/)
    expect(sent.raw).toMatchObject({ msg_type: 'text', body: { content: '{"text":"via channel"}' } })
    expect(sends().at(-1)?.body).toMatchObject({
      receive_id: 'ou_9',
      msg_type: 'text',
      content: '{"text":"via channel"}',
    })
  })

  it('uses options.idempotencyKey as the uuid: the same key sends one message', async () => {
    const { fake, client, sends } = setup()
    const first = await client.sendText({ openId: 'ou_1' }, 'hi', { idempotencyKey: 'order-42' })
    const again = await client.sendText({ openId: 'ou_1' }, 'hi', { idempotencyKey: 'order-42' })
    expect(again.messageId).toBe(first.messageId)
    expect(sends().map((request) => (request.body as { uuid: string }).uuid)).toEqual([
      'order-42',
      'order-42',
    ])
    expect(fake.inbox).toHaveLength(1)
  })

  it('retries a timed-out send under the same uuid: one message', async () => {
    const fake = createFeishuFake()
    const client = createFeishu({
      appId: fake.appId,
      appSecret: fake.appSecret,
      fetch: fake.fetch,
      timeout: 100,
    })
    fake.inject({ kind: 'delay', ms: 300 })
    const sent = await client.sendText({ chatId: 'oc_1' }, 'slow')
    const bodies = fake.requests.filter((request) => !request.path.endsWith('/internal')).map((r) => r.text)
    expect(bodies).toHaveLength(2)
    expect(bodies[1]).toBe(bodies[0])
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(fake.inbox).toHaveLength(1)
    expect(sent.messageId).toBe(fake.inbox[0]?.message_id)
  })

  it('replies with replyTo, in a thread when asked', async () => {
    const { fake, client, sends } = setup()
    const root = await client.sendText({ chatId: 'oc_1' }, 'root')
    const reply = await client.sendText(
      { chatId: 'oc_1', replyTo: root.messageId as string, replyInThread: true },
      'r',
    )
    expect(sends().at(-1)?.path).toBe(`/open-apis/im/v1/messages/${root.messageId}/reply`)
    expect(sends().at(-1)?.body).toMatchObject({
      msg_type: 'text',
      reply_in_thread: true,
      content: '{"text":"r"}',
    })
    expect(reply.raw).toMatchObject({
      root_id: root.messageId,
      parent_id: root.messageId,
      chat_id: fake.inbox[0]?.chat_id,
    })
    expect((reply.raw as { thread_id: string }).thread_id).toMatch(/^omt_/)
  })

  it('rejects empty text, a target without exactly one id, and long keys; nothing is sent', async () => {
    const { fake, client } = setup()
    const cases: [Promise<unknown>, string, string][] = [
      [client.sendText({ openId: 'ou_1' }, ''), 'text', 'must not be empty'],
      [client.sendText({ openId: '' }, 'hi'), 'target.openId', 'must not be empty'],
      [client.sendText({} as never, 'hi'), 'target', 'needs exactly one id'],
      [client.sendText({ openId: 'a', chatId: 'b' } as never, 'hi'), 'target', 'needs exactly one id'],
      [
        client.sendText({ openId: 'a' }, 'hi', { idempotencyKey: 'k'.repeat(51) }),
        'idempotencyKey',
        'at most 50',
      ],
      [client.sendText({ openId: 'a' }, '中'.repeat(51_200)), 'text', 'at most 150 KB'],
      [client.sendText({ openId: 'ou_\ud800' }, 'hi'), 'target.openId', 'well-formed'],
    ]
    for (const [attempt, path, message] of cases) {
      const error = (await attempt.catch((caught: unknown) => caught)) as ValidationError
      expect(ValidationError.isInstance(error)).toBe(true)
      expect(error.issues[0]?.path).toBe(path)
      expect(error.issues[0]?.message).toContain(message)
      // One check, by sendText itself (im.message.create's own check is not run again).
      expect(error.message).toContain('sendText: invalid input, nothing was sent')
    }
    expect(fake.requests).toHaveLength(0)
  })
})
