import { RateLimitError, TimeoutError, ValidationError, VendorError } from '@msg/core'
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createFeishu, type FeishuClient, type FeishuMessage } from '../src/index.js'
import { createFeishuFake } from '../src/testing/index.js'

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
const mb = 1024 * 1024
const sends = () => fake.requests.filter((request) => request.path.startsWith('/open-apis/im/v1/messages'))
const uploads = () =>
  fake.requests.filter((request) => /^\/open-apis\/im\/v1\/(images|files)$/.test(request.path))

const fake = createFeishuFake()
let served: ServedHandler
let client: FeishuClient

beforeAll(async () => {
  served = await serve(fake.handle)
})
afterAll(() => served.close())
beforeEach(() => {
  fake.reset()
  client = createFeishu({
    appId: fake.appId,
    appSecret: fake.appSecret,
    baseURL: served.url,
    retry: { limit: 2, backoffLimit: 5 },
  })
})

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe('uploads over loopback HTTP', () => {
  it('uploads an image as a Blob, an ArrayBuffer and a Uint8Array: multipart with a runtime boundary', async () => {
    const blob = new Blob([png], { type: 'image/png' })
    const keys = [
      await client.im.image.create({ data: { image_type: 'message', image: blob } }),
      await client.im.image.create({ data: { image_type: 'message', image: png.slice().buffer } }),
      await client.im.image.create({ data: { image_type: 'avatar', image: png } }),
    ]
    for (const data of keys) expect(data).toEqual({ image_key: expect.stringMatching(/^img_v2_/) })
    expect(fake.uploads.map((upload) => upload.key)).toEqual(keys.map((data) => data.image_key))
    expect(fake.uploads.map((upload) => upload.fields)).toEqual([
      { image_type: 'message' },
      { image_type: 'message' },
      { image_type: 'avatar' },
    ])
    for (const upload of fake.uploads) expect(upload.bytes).toEqual(png)
    expect(fake.uploads[0]?.type).toBe('image/png')
    const [request] = uploads()
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/)
    expect(request?.headers.authorization).toBe(`Bearer ${fake.issuedTokens[0]}`)
    // Text fields go before the file.
    expect(request?.text.indexOf('name="image_type"')).toBeLessThan(
      request?.text.indexOf('name="image"') ?? 0,
    )
  })

  it('uploads a file with a Chinese name as raw UTF-8 (never percent-encoded), with duration', async () => {
    const name = '季度报告 2026.pdf'
    const inputs = [new Blob([png]), png.slice().buffer, png]
    for (const file of inputs) {
      const data = await client.im.file.create({ data: { file_type: 'pdf', file_name: name, file } })
      expect(data.file_key).toMatch(/^file_v2_/)
    }
    await client.im.file.create({
      data: { file_type: 'opus', file_name: '语音.opus', duration: 3000, file: png },
    })
    expect(fake.uploads.map((upload) => upload.filename)).toEqual([name, name, name, '语音.opus'])
    expect(fake.uploads.map((upload) => upload.fields.file_name)).toEqual([name, name, name, '语音.opus'])
    expect(fake.uploads[3]?.fields).toEqual({ file_type: 'opus', file_name: '语音.opus', duration: '3000' })
    expect(uploads()[0]?.text).toContain(`filename="${name}"`)
    expect(uploads()[0]?.text).not.toContain('%E5')
  })

  it('never resends an upload after a 500: delivery unknown, one request', async () => {
    fake.inject({ kind: 'server-error', delivered: true })
    const error = await failure(client.im.image.create({ data: { image_type: 'message', image: png } }))
    expect(VendorError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 500, delivery: 'unknown' })
    expect(uploads()).toHaveLength(1)
    expect(fake.uploads).toHaveLength(1)
  })

  it('never resends an upload after a timeout', async () => {
    await client.sendText({ chatId: 'oc_1' }, 'fetches the token first')
    fake.inject({ kind: 'delay', ms: 100 })
    const error = await failure(
      client.im.file.create(
        { data: { file_type: 'stream', file_name: 'a.bin', file: png } },
        { timeout: 20 },
      ),
    )
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'unknown' })
    expect(uploads()).toHaveLength(1)
  })

  it('retries an upload Feishu did not process (rate limit), sending the whole file again', async () => {
    fake.inject({ kind: 'rate-limit', resetSeconds: 0 })
    await client.im.image.create({ data: { image_type: 'message', image: png } })
    expect(uploads()).toHaveLength(2)
    expect(fake.uploads).toHaveLength(1)
    expect(fake.uploads[0]?.bytes).toEqual(png)
  })

  it('explains upload refusals by code', async () => {
    fake.inject({ kind: 'code', code: 234006, msg: 'The file size exceed the max value.' })
    const error = await failure(client.im.image.create({ data: { image_type: 'message', image: png } }))
    expect(error).toMatchObject({ name: 'VendorError', code: 234006, retryable: false, delivery: 'not-sent' })
    expect(String(error)).toMatch(/too large \(images 10 MB, files 30 MB\)/)
  })
})

describe('sendMessage over loopback HTTP', () => {
  it('sends every msg_type, each landing in the fake with its parsed content', async () => {
    const { image_key } = await client.im.image.create({ data: { image_type: 'message', image: png } })
    const pdf = await client.im.file.create({ data: { file_type: 'pdf', file_name: 'a.pdf', file: png } })
    const opus = await client.im.file.create({ data: { file_type: 'opus', file_name: 'a.opus', file: png } })
    const mp4 = await client.im.file.create({ data: { file_type: 'mp4', file_name: 'a.mp4', file: png } })
    const messages: FeishuMessage[] = [
      { msg_type: 'text', content: { text: 'hello' } },
      {
        msg_type: 'post',
        content: {
          zh_cn: {
            title: '标题',
            content: [
              [
                { tag: 'text', text: 'a ', style: ['bold'] },
                { tag: 'a', text: 'link', href: 'https://x.test' },
              ],
              [{ tag: 'img', image_key }],
            ],
          },
        },
      },
      { msg_type: 'image', content: { image_key } },
      { msg_type: 'file', content: { file_key: pdf.file_key } },
      { msg_type: 'audio', content: { file_key: opus.file_key } },
      { msg_type: 'media', content: { file_key: mp4.file_key, image_key } },
      { msg_type: 'sticker', content: { file_key: 'file_v2_received_sticker' } },
      {
        msg_type: 'interactive',
        content: {
          schema: '2.0',
          header: { title: { tag: 'plain_text', content: 'Deploy' }, template: 'green' },
          body: { elements: [{ tag: 'markdown', content: '**done**' }] },
        },
      },
      {
        msg_type: 'interactive',
        content: { type: 'template', data: { template_id: 'AAq1', template_variable: { name: 'x' } } },
      },
      { msg_type: 'interactive', content: { type: 'card', data: { card_id: '7355372766134157313' } } },
      { msg_type: 'share_chat', content: { chat_id: 'oc_shared' } },
      { msg_type: 'share_user', content: { user_id: 'ou_shared' } },
      {
        msg_type: 'system',
        content: {
          type: 'divider',
          params: { divider_text: { text: '新会话' } },
          options: { need_rollup: true },
        },
      },
    ]
    for (const message of messages) {
      const sent = await client.sendMessage({ chatId: 'oc_1' }, message)
      expect(sent).toMatchObject({ vendor: 'feishu', messageId: expect.stringMatching(/^om_/) })
    }
    expect(fake.inbox.map((entry) => [entry.msg_type, entry.parsed])).toEqual(
      messages.map((message) => [message.msg_type, message.content]),
    )
    expect(fake.inbox.every((entry) => entry.receive_id_type === 'chat_id' && entry.uuid)).toBe(true)
    expect(sends()[0]?.text).toBe(
      JSON.stringify({
        receive_id: 'oc_1',
        msg_type: 'text',
        content: '{"text":"hello"}',
        uuid: fake.inbox[0]?.uuid,
      }),
    )
  })

  it('replies with any msg_type through replyTo', async () => {
    const root = await client.sendText({ chatId: 'oc_1' }, 'root')
    const { image_key } = await client.im.image.create({ data: { image_type: 'message', image: png } })
    await client.sendMessage(
      { chatId: 'oc_1', replyTo: root.messageId ?? '' },
      { msg_type: 'image', content: { image_key } },
    )
    expect(fake.inbox[1]).toMatchObject({
      endpoint: 'im.message.reply',
      msg_type: 'image',
      parent_id: root.messageId,
      parsed: { image_key },
    })
  })

  it('keeps one message when a 500 interrupts a send: the retry reuses the uuid', async () => {
    fake.inject({ kind: 'server-error', delivered: true })
    const sent = await client.sendMessage(
      { openId: 'ou_a' },
      { msg_type: 'share_chat', content: { chat_id: 'oc_x' } },
    )
    expect(sends()).toHaveLength(2)
    const uuids = sends().map((request) => (request.body as { uuid: string }).uuid)
    expect(uuids[0]).toBe(uuids[1])
    expect(fake.inbox).toHaveLength(1)
    expect(sent.messageId).toBe(fake.inbox[0]?.message_id)
  })

  it('sends a Notice through the channel as an interactive card', async () => {
    await client
      .channel({ chatId: 'oc_1' })
      .send({ title: 'Disk full', text: 'db-1 at **95%**', url: 'https://status.example' })
    await client.channel({ chatId: 'oc_1' }).send({ text: 'no title' })
    expect(fake.inbox.map((entry) => entry.msg_type)).toEqual(['interactive', 'interactive'])
    expect(fake.inbox[0]?.parsed).toEqual({
      schema: '2.0',
      header: { title: { tag: 'plain_text', content: 'Disk full' }, template: 'blue' },
      body: {
        elements: [
          { tag: 'markdown', content: 'db-1 at **95%**' },
          {
            tag: 'button',
            text: { tag: 'plain_text', content: 'Open' },
            type: 'primary',
            behaviors: [{ type: 'open_url', default_url: 'https://status.example' }],
          },
        ],
      },
    })
    expect(fake.inbox[1]?.parsed).toEqual({
      schema: '2.0',
      body: { elements: [{ tag: 'markdown', content: 'no title' }] },
    })
  })

  it('classifies 230020 as a rate limit, and explains 230055 and 230099 card codes', async () => {
    fake.inject({ kind: 'rate-limit', code: 230020 }, { times: 3 })
    const limited = await failure(
      client.sendMessage({ chatId: 'oc_1' }, { msg_type: 'text', content: { text: 'x' } }),
    )
    expect(RateLimitError.isInstance(limited)).toBe(true)
    expect(limited).toMatchObject({ code: 230020, delivery: 'not-sent' })

    // A key uploaded by another client: only Feishu can tell its file_type.
    const other = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, baseURL: served.url })
    const opus = await other.im.file.create({ data: { file_type: 'opus', file_name: 'a.opus', file: png } })
    const mismatch = await failure(
      client.sendMessage({ chatId: 'oc_1' }, { msg_type: 'file', content: { file_key: opus.file_key } }),
    )
    expect(mismatch).toMatchObject({ name: 'VendorError', code: 230055, retryable: false })
    expect(String(mismatch)).toMatch(/opus goes as audio, mp4 as media, any other as file/)

    fake.inject({
      kind: 'code',
      code: 230099,
      msg: 'Failed to create card content, ext=ErrCode: 200621; ErrMsg: parse card json err',
    })
    const card = await failure(
      client.sendMessage(
        { chatId: 'oc_1' },
        { msg_type: 'interactive', content: { schema: '2.0', body: { elements: [] } } },
      ),
    )
    expect(card).toMatchObject({ code: 230099, details: { card_code: 200621 } })
    expect(String(card)).toMatch(/card error 200621: card JSON does not parse/)
  })
})

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
      const error = await failure(call(client))
      expect(ValidationError.isInstance(error)).toBe(true)
      expect((error as ValidationError).issues).toContainEqual({
        path,
        message: expect.stringMatching(message),
      })
      expect(fake.requests).toHaveLength(0)
    })
  }

  it('a key this client uploaded as opus cannot go as file (Feishu would answer 230055)', async () => {
    const { file_key } = await client.im.file.create({
      data: { file_type: 'opus', file_name: 'a.opus', file: png },
    })
    const before = fake.requests.length
    const error = await failure(
      client.sendMessage({ chatId: 'oc_1' }, { msg_type: 'file', content: { file_key } }),
    )
    expect((error as ValidationError).issues).toEqual([
      { path: 'message.content.file_key', message: expect.stringMatching(/opus goes as audio.*230055/) },
    ])
    expect(fake.requests).toHaveLength(before)
    await client.sendMessage({ chatId: 'oc_1' }, { msg_type: 'audio', content: { file_key } })
    expect(fake.inbox).toHaveLength(1)
  })
})
