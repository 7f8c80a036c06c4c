import {
  broadcast,
  NetworkError,
  type TextChannel,
  ValidationError,
  VendorError,
  withFallback,
} from '@msg/core'
import { describe, expect, it } from 'vitest'
import { BatchSendError } from '../src/index.js'
import { failure, png, servedFake, uuidV4 } from './rich-fixtures.js'

const recipients = Array.from({ length: 1234 }, (_, index) => `${1000 + index}`)
const card = {
  head: { title: '新客户分配提醒' },
  first: { content: 'ACME Ltd' },
  form: [{ label: '负责人', value: 'Li Lei' }],
  remark: { content: '请在 24 小时内完成首次跟进' },
  link: {
    title: '查看客户',
    url: 'fs://CRM/udobj?{"objDescApiName":"AccountObj","objDataId":"5ff2780b7132bb0001bade16"}',
  },
}

const { fake, url, client, sends } = servedFake()

describe('message.send over HTTP on 127.0.0.1', () => {
  it('composite: exact path, query, headers and body in Fxiaoke field names (unknown fields dropped)', async () => {
    const body = { toUser: ['1001'], msgType: 'composite', composite: card, notAField: true } as const
    const result = await client().message.send(body as never)
    const [request] = sends()
    expect(request?.url).toMatch(new RegExp(`^${url()}/cgi/message/send\\?thirdTraceId=[0-9a-f-]+$`))
    expect(request?.query.thirdTraceId).toMatch(uuidV4)
    expect(request?.headers).toMatchObject({
      'x-fs-ea': 'fake-ea',
      'x-fs-userid': '1000',
      'content-type': 'application/json; charset=utf-8',
    })
    expect(request?.headers.authorization).toMatch(/^Bearer fake-token-/)
    expect(request?.text).toBe(JSON.stringify({ toUser: ['1001'], msgType: 'composite', composite: card }))
    expect(fake.inbox).toMatchObject([{ msgType: 'composite', composite: card, toUser: ['1001'] }])
    expect(result).toEqual({
      traceId: fake.inbox[0]?.traceId,
      batches: [{ toUser: ['1001'], status: 'sent', traceId: fake.inbox[0]?.traceId }],
    })
  })

  it('articles with an uploaded cover, and text, through the same endpoint', async () => {
    const fxiaoke = client()
    const { mediaId } = await fxiaoke.media.upload({ media: png, fileName: 'cover.png' })
    const article = {
      title: `${'九😀'.repeat(22)}九`,
      author: '作者作者作者作者',
      description: 'd'.repeat(140),
      coverImage: mediaId,
      coverImageInContent: true,
      type: 'TEXT' as const,
      content: 'body',
    }
    const articles = [
      article,
      { ...article, type: 'URL' as const, content: 'https://intranet.example.com/report' },
    ]
    await fxiaoke.message.send({ toUser: ['1001'], msgType: 'articles', articles, convertMediaId: false })
    await fxiaoke.message.send({ toUser: ['1001'], msgType: 'text', text: { content: 'plain' } })
    expect(sends().map((request) => request.text)).toEqual([
      JSON.stringify({ toUser: ['1001'], msgType: 'articles', articles, convertMediaId: false }),
      JSON.stringify({ toUser: ['1001'], msgType: 'text', text: { content: 'plain' } }),
    ])
    expect(fake.inbox.map((entry) => entry.msgType)).toEqual(['articles', 'text'])
  })

  it.each([
    [{ msgType: 'image' }, 'msgType', "must be 'text', 'composite' or 'articles'"],
    [{ msgType: 'composite', composite: { ...card, head: undefined } }, 'composite.head', 'is required'],
    [
      { msgType: 'composite', composite: { ...card, link: { title: 'x' } } },
      'composite.link.url',
      'is required',
    ],
    [
      { msgType: 'composite', composite: { ...card, link: { title: 'x', url: '/relative' } } },
      'composite.link.url',
      'must be an absolute URL',
    ],
    [
      { msgType: 'composite', composite: { ...card, form: [{ label: '', value: 'v' }] } },
      'composite.form[0].label',
      'must not be empty',
    ],
    [{ msgType: 'articles', articles: [] }, 'articles', 'at least 1 article'],
    [
      {
        msgType: 'articles',
        articles: Array(8).fill({ title: 't', coverImage: 'm', type: 'TEXT', content: 'c' }),
      },
      'articles',
      'at most 7 articles',
    ],
    [
      {
        msgType: 'articles',
        articles: [{ title: 'x'.repeat(46), coverImage: 'm', type: 'TEXT', content: 'c' }],
      },
      'articles[0].title',
      'at most 45 characters',
    ],
    [
      {
        msgType: 'articles',
        articles: [{ title: 't', author: 'a'.repeat(9), coverImage: 'm', type: 'TEXT', content: 'c' }],
      },
      'articles[0].author',
      'at most 8 characters',
    ],
    [
      {
        msgType: 'articles',
        articles: [{ title: 't', description: 'd'.repeat(141), coverImage: 'm', type: 'TEXT', content: 'c' }],
      },
      'articles[0].description',
      'at most 140 characters',
    ],
    [
      { msgType: 'articles', articles: [{ title: 't', type: 'TEXT', content: 'c' }] },
      'articles[0].coverImage',
      'is required',
    ],
    [
      { msgType: 'articles', articles: [{ title: 't', coverImage: 'm', type: 'LINK', content: 'c' }] },
      'articles[0].type',
      "must be 'TEXT' or 'URL'",
    ],
    [
      { msgType: 'articles', articles: [{ title: 't', coverImage: 'm', type: 'URL', content: 'not a url' }] },
      'articles[0].content',
      'must be an absolute URL',
    ],
    [{ msgType: 'text', text: { content: 'x' }, toUser: ['1', ''] }, 'toUser[1]', 'must not be empty'],
  ])('refuses %#, zero requests', async (body, path, message) => {
    const error = (await failure(
      client().message.send({ toUser: ['1001'], ...body } as never),
    )) as ValidationError
    expect(ValidationError.isInstance(error)).toBe(true)
    expect(error.issues).toContainEqual({ path, message })
    expect(fake.requests).toHaveLength(0)
  })

  it('1 234 recipients split 500/500/234, every chunk reported', async () => {
    const result = await client().message.send({ toUser: recipients, msgType: 'composite', composite: card })
    expect(sends().map((request) => (request.body as { toUser: string[] }).toUser.length)).toEqual([
      500, 500, 234,
    ])
    expect(result.batches.map((batch) => [batch.toUser.length, batch.status, batch.traceId])).toEqual(
      fake.inbox.map((entry) => [entry.toUser.length, 'sent', entry.traceId]),
    )
    expect(result.traceId).toBe(fake.inbox.map((entry) => entry.traceId).join(','))
    expect(fake.inbox.flatMap((entry) => entry.toUser)).toEqual(recipients)
  })

  it('one chunk failing → BatchSendError with the sent and failed chunks', async () => {
    let seen = 0
    fake.inject(
      { kind: 'code', code: 30027 },
      { match: (request) => request.url.includes('/message/send') && ++seen === 2 },
    )
    const error = (await failure(
      client().message.send({ toUser: recipients, msgType: 'composite', composite: card }),
    )) as BatchSendError
    expect(BatchSendError.isInstance(error)).toBe(true)
    expect(error.message).toMatch(
      /^\[@msg\/fxiaoke\] message\.send: batch 2 of 3 failed, 500 recipients sent/,
    )
    expect(error.batches.map((batch) => [batch.toUser.length, batch.status])).toEqual([
      [500, 'sent'],
      [500, 'failed'],
      [234, 'skipped'],
    ])
    expect(VendorError.isInstance(error.batches[1]?.error) && error.batches[1]?.error.code).toBe(30027)
    expect(error.sent).toEqual(recipients.slice(0, 500))
    expect(error.notSent).toEqual(recipients.slice(500))
    expect(sends()).toHaveLength(2)
  })
})

describe('a Notice through the channel', () => {
  const composite = (title: string, first: string | undefined, url: string, linkTitle = '查看详情') => ({
    head: { title },
    ...(first === undefined ? {} : { first: { content: first } }),
    link: { title: linkTitle, url },
  })

  it('is a composite card: head title, content text, link', async () => {
    const sent = await client()
      .channel({ toUser: ['1001'] })
      .send({ title: 'Deploy', text: 'v2 is live', url: 'https://example.com/v2' })
    expect(sends()[0]?.body).toEqual({
      toUser: ['1001'],
      msgType: 'composite',
      composite: composite('Deploy', 'v2 is live', 'https://example.com/v2'),
    })
    expect(sent).toMatchObject({ vendor: 'fxiaoke', requestId: fake.inbox[0]?.traceId })
  })

  it('without a title the text is the head; without a url it is a text of its lines', async () => {
    const channel = client({ noticeLinkTitle: 'Open' }).channel({ toUser: ['1001'] })
    await channel.send({ text: 'v2 is live', url: 'https://example.com/v2' })
    await channel.send({ title: 'Deploy', text: 'v2 is live' })
    expect(sends().map((request) => request.body)).toEqual([
      {
        toUser: ['1001'],
        msgType: 'composite',
        composite: composite('v2 is live', undefined, 'https://example.com/v2', 'Open'),
      },
      { toUser: ['1001'], msgType: 'text', text: { content: 'Deploy\nv2 is live' } },
    ])
  })

  it('through withFallback and broadcast; batches of 500; a bad notice or target sends nothing', async () => {
    const notice = { title: 'Deploy', text: 'v2 is live', url: 'https://example.com/v2' }
    const broken: TextChannel = {
      vendor: 'gewe',
      send: () => Promise.reject(new NetworkError({ vendor: 'gewe', message: 'down', delivery: 'not-sent' })),
    }
    const sent = await withFallback([broken, client().channel({ toUser: recipients.slice(0, 600) })]).send(
      notice,
    )
    expect(sent.vendor).toBe('fxiaoke')
    expect(fake.inbox.map((entry) => [entry.msgType, entry.toUser.length])).toEqual([
      ['composite', 500],
      ['composite', 100],
    ])
    const results = await broadcast(
      [client().channel({ toUser: ['1'] }), client().channel({ toUser: ['2'] })],
      notice,
    )
    expect(results.map((result) => result.ok)).toEqual([true, true])
    expect(fake.inbox.slice(2).map((entry) => entry.composite)).toEqual([
      composite('Deploy', 'v2 is live', notice.url),
      composite('Deploy', 'v2 is live', notice.url),
    ])
    const before = fake.requests.length
    const bad = await failure(
      client()
        .channel({ toUser: ['1'] })
        .send({ text: 'x', url: 'fs://CRM' }),
    )
    const noTarget = await failure(client().channel({ toUser: [] }).send(notice))
    expect(ValidationError.isInstance(bad) && bad.issues).toEqual([
      { path: 'notice.url', message: 'must be an absolute http(s) URL' },
    ])
    expect(ValidationError.isInstance(noTarget) && noTarget.issues).toEqual([
      { path: 'toUser', message: 'at least 1 recipient' },
    ])
    expect(fake.requests.length).toBe(before)
  })
})
