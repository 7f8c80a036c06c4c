// Limits checked before sending: every one a ValidationError naming its path, with zero requests.
import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import type { FeishuClient } from '../src/index.js'
import { client, failure, fake, mb, png, serveFake } from './rich-fixture.js'

serveFake()

describe('limits checked before sending: ValidationError, zero requests', () => {
  const big = (bytes: number) => new Uint8Array(bytes)
  const cases: [string, (client: FeishuClient) => Promise<unknown>, string, RegExp][] = [
    [
      'empty image',
      (c) => c.im.image.create({ data: { image_type: 'message', image: new Blob([]) } }),
      'data.image',
      /must not be empty/,
    ],
    [
      'image over 10 MB',
      (c) => c.im.image.create({ data: { image_type: 'message', image: big(10 * mb + 1) } }),
      'data.image',
      /at most 10 MB/,
    ],
    [
      'image_type',
      (c) => c.im.image.create({ data: { image_type: 'icon' as never, image: png } }),
      'data.image_type',
      /'message' or 'avatar'/,
    ],
    [
      'not bytes',
      (c) => c.im.image.create({ data: { image_type: 'message', image: 'a.png' as never } }),
      'data.image',
      /Blob, ArrayBuffer or Uint8Array/,
    ],
    [
      'empty file',
      (c) => c.im.file.create({ data: { file_type: 'pdf', file_name: 'a.pdf', file: new ArrayBuffer(0) } }),
      'data.file',
      /must not be empty/,
    ],
    [
      'file over 30 MB',
      (c) => c.im.file.create({ data: { file_type: 'stream', file_name: 'a', file: big(30 * mb + 1) } }),
      'data.file',
      /at most 30 MB/,
    ],
    [
      'file_type',
      (c) => c.im.file.create({ data: { file_type: 'zip' as never, file_name: 'a.zip', file: png } }),
      'data.file_type',
      /opus, mp4, pdf, doc, xls, ppt, stream/,
    ],
    [
      'duration',
      (c) => c.im.file.create({ data: { file_type: 'opus', file_name: 'a.opus', duration: 1.5, file: png } }),
      'data.duration',
      /whole number/,
    ],
    [
      'file_name',
      (c) => c.im.file.create({ data: { file_type: 'pdf', file_name: 'a\r\n.pdf', file: png } }),
      'data.file_name',
      /control characters/,
    ],
    [
      'text over 150 KB',
      (c) =>
        c.sendMessage({ chatId: 'oc_1' }, { msg_type: 'text', content: { text: 'x'.repeat(150 * 1024) } }),
      'message.content',
      /at most 150 KB/,
    ],
    [
      'post over 30 KB',
      (c) =>
        c.sendMessage(
          { chatId: 'oc_1' },
          {
            msg_type: 'post',
            content: { zh_cn: { content: [[{ tag: 'text', text: '字'.repeat(10_300) }]] } },
          },
        ),
      'message.content',
      /at most 30 KB/,
    ],
    [
      'card over 30 KB',
      (c) =>
        c.sendMessage(
          { chatId: 'oc_1' },
          {
            msg_type: 'interactive',
            content: {
              schema: '2.0',
              body: { elements: [{ tag: 'markdown', content: 'x'.repeat(30 * 1024) }] },
            },
          },
        ),
      'message.content',
      /at most 30 KB/,
    ],
    [
      'template without id',
      (c) =>
        c.sendMessage(
          { chatId: 'oc_1' },
          { msg_type: 'interactive', content: { type: 'template', data: { template_id: '' } } },
        ),
      'message.content.data.template_id',
      /non-empty string/,
    ],
    [
      'uuid over 50',
      (c) =>
        c.sendMessage(
          { chatId: 'oc_1' },
          { msg_type: 'text', content: { text: 'x' } },
          { idempotencyKey: 'u'.repeat(51) },
        ),
      'idempotencyKey',
      /at most 50/,
    ],
    [
      'unknown msg_type',
      (c) => c.sendMessage({ chatId: 'oc_1' }, { msg_type: 'video', content: {} } as never),
      'message.msg_type',
      /must be one of text, post/,
    ],
    [
      'missing image_key',
      (c) => c.sendMessage({ chatId: 'oc_1' }, { msg_type: 'image', content: { image_key: '' } }),
      'message.content.image_key',
      /must be a non-empty string/,
    ],
    [
      'two targets',
      (c) =>
        c.sendMessage({ chatId: 'oc_1', openId: 'ou_1' } as never, {
          msg_type: 'text',
          content: { text: 'x' },
        }),
      'target',
      /exactly one id/,
    ],
  ]
  for (const [name, call, path, message] of cases) {
    it(name, async () => {
      const error = await failure(call(client()))
      expect(ValidationError.isInstance(error)).toBe(true)
      expect((error as ValidationError).issues).toContainEqual({
        path,
        message: expect.stringMatching(message),
      })
      expect(fake.requests).toHaveLength(0)
    })
  }

  it('a key this client uploaded as opus cannot go as file (Feishu would answer 230055)', async () => {
    const { file_key } = await client().im.file.create({
      data: { file_type: 'opus', file_name: 'a.opus', file: png },
    })
    const before = fake.requests.length
    const error = await failure(
      client().sendMessage({ chatId: 'oc_1' }, { msg_type: 'file', content: { file_key } }),
    )
    expect((error as ValidationError).issues).toEqual([
      { path: 'message.content.file_key', message: expect.stringMatching(/opus goes as audio.*230055/) },
    ])
    expect(fake.requests).toHaveLength(before)
    await client().sendMessage({ chatId: 'oc_1' }, { msg_type: 'audio', content: { file_key } })
    expect(fake.inbox).toHaveLength(1)
  })
})
