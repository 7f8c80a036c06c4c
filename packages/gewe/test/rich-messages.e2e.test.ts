import {
  broadcast,
  NetworkError,
  type TextChannel,
  ValidationError,
  VendorError,
  withFallback,
} from '@msg/core'
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createGewe, type GeweClient } from '../src/index.js'
import { createGeweFake } from '../src/testing/index.js'

const token = 'e2e-rich-token-0123'
const appId = 'wx_device_1'
const toWxid = '34757816141@chatroom'
const max = '9223372036854775807'
let ids: string[] = []
const fake = createGeweFake({
  token,
  appIds: [appId],
  now: () => 1_704_163_145,
  newMsgId: () => ids.shift() ?? '7773749793478223190',
})
let server: ServedHandler

beforeAll(async () => {
  server = await serve(fake.handle)
})
afterAll(() => server.close())
afterEach(() => {
  fake.reset()
  ids = []
})

const client = (settings = {}): GeweClient =>
  createGewe({ token, baseURL: `${server.url}/gewe/v2/api`, pacing: false, ...settings })

const xml =
  '<?xml version="1.0"?>\n<msg><img aeskey="294774c8" cdnmidimgurl="3057" length="1024" md5="ab"/></msg>'
const appmsg = '<appmsg appid="" sdkver="0"><title>引用</title><type>57</type></appmsg>'

/** Every rich send: its method, its own fields (besides appId, toWxid) and the `type` it answers. */
const sends = [
  ['postImage', { imgUrl: 'https://cdn.example.com/a.png' }, null],
  ['postFile', { fileUrl: 'https://cdn.example.com/a909.xls?q-sign=1', fileName: 'a909.xls' }, 6],
  [
    'postLink',
    { title: '标题', desc: '描述', linkUrl: 'https://example.com/a', thumbUrl: 'http://example.com/t.jpg' },
    5,
  ],
  [
    'postVideo',
    {
      videoUrl: 'https://cdn.example.com/v.mp4',
      thumbUrl: 'https://cdn.example.com/v.jpg',
      videoDuration: 10,
    },
    null,
  ],
  ['postVoice', { voiceUrl: 'https://cdn.example.com/a.silk', voiceDuration: 2000 }, 34],
  ['postNameCard', { nickName: '谭艳', nameCardWxid: 'wxid_0xsqb3o0tsvz22' }, 42],
  ['postEmoji', { emojiMd5: '4cc7540a85b5b6cf4ba14e9f4ae08b7c', emojiSize: 102357 }, 47],
  ['postAppMsg', { appmsg }, 49],
  [
    'postMiniApp',
    {
      miniAppId: 'wx1f9ea355b47256dd',
      displayName: '百果园+',
      pagePath: 'pages/homeDelivery/index.html',
      coverImgUrl: 'https://cdn.example.com/cover.jpg',
      title: '最快29分钟 好吃水果送到家',
      userName: 'gh_690acf47ea05@app',
    },
    33,
  ],
  ['forwardImage', { xml }, null],
  ['forwardFile', { xml: '<?xml version="1.0"?>\n<msg><appmsg><type>6</type></appmsg></msg>' }, 6],
  ['forwardVideo', { xml: '<msg><videomsg aeskey="5c51" cdnvideourl="3057" length="490566"/></msg>' }, null],
  ['forwardUrl', { xml: '<msg><appmsg><type>5</type></appmsg></msg>' }, 5],
  [
    'forwardMiniApp',
    { xml: '<msg><appmsg><type>33</type></appmsg></msg>', coverImgUrl: 'http://dummyimage.com/400x400' },
    33,
  ],
] as const

type SendName = (typeof sends)[number][0]
const call = (gewe: GeweClient, name: SendName, body: unknown) =>
  (gewe.message[name] as unknown as (body: unknown) => Promise<Record<string, unknown>>)(body)

describe('rich messages over real HTTP on 127.0.0.1', () => {
  it.each(sends)(
    '%s: POST /gewe/v2/api/message/<op>, GeWe field names, exact ids back',
    async (name, fields, type) => {
      ids = [max]
      const body = { appId, toWxid, ...fields }
      const sent = await call(client(), name, body)
      expect(sent).toMatchObject({
        toWxid,
        createTime: 1_704_163_145,
        msgId: '769523509',
        newMsgId: max,
        type,
      })
      const [request] = fake.requests
      expect(request?.method).toBe('POST')
      expect(request?.path).toBe(`/gewe/v2/api/message/${name}`)
      expect(request?.headers['x-gewe-token']).toBe(token)
      expect(request?.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(request?.text).toBe(JSON.stringify(body))
      expect(fake.requests).toHaveLength(1)
      expect(fake.inbox).toMatchObject([{ path: `/message/${name}`, appId, to: toWxid, newMsgId: max }])
    },
  )

  it('passes the CDN fields of image and video replies through for a later forward', async () => {
    const gewe = client()
    await expect(
      gewe.message.postImage({ appId, toWxid, imgUrl: 'https://a.example/i.png' }),
    ).resolves.toMatchObject({
      aesKey: expect.any(String),
      fileId: expect.any(String),
      length: 490566,
      width: 400,
      height: 400,
      md5: expect.any(String),
    })
    const video = await gewe.message.forwardVideo({ appId, toWxid, xml: '<msg/>' })
    expect(video).toMatchObject({ aesKey: expect.any(String), length: 490566 })
    expect(video).not.toHaveProperty('width')
  })

  it('revokeMsg takes back the exact newMsgId a send returned, as GeWe’s strings', async () => {
    ids = [max]
    const gewe = client()
    const sent = await gewe.message.postLink({
      appId,
      toWxid,
      title: 't',
      desc: '',
      linkUrl: 'https://example.com',
      thumbUrl: 'https://example.com/t.png',
    })
    expect(sent.newMsgId).toBe(max)
    await expect(gewe.message.revokeMsg({ appId, ...sent })).resolves.toBeUndefined()
    expect(fake.requests[1]?.path).toBe('/gewe/v2/api/message/revokeMsg')
    expect(fake.requests[1]?.text).toBe(
      `{"appId":"${appId}","toWxid":"${toWxid}","msgId":"769523509","newMsgId":"9223372036854775807","createTime":"1704163145"}`,
    )
    expect(fake.inbox[0]?.revoked).toBe(true)
  })

  it('revokeMsg leaves out a null createTime; a rounded id is refused by the fake (GeWe would say nothing)', async () => {
    ids = ['208008054840614808']
    const gewe = client()
    const sent = await gewe.message.postNameCard({ appId, toWxid, nickName: 'n', nameCardWxid: 'wxid_x' })
    const rounded = String(Number(sent.newMsgId))
    expect(rounded).not.toBe(sent.newMsgId)
    const refused = await gewe.message
      .revokeMsg({ appId, toWxid, msgId: sent.msgId, newMsgId: rounded })
      .catch((error: unknown) => error)
    expect(VendorError.isInstance(refused)).toBe(true)
    await gewe.message.revokeMsg({ appId, ...sent, createTime: null })
    expect(fake.requests[2]?.text).toBe(
      `{"appId":"${appId}","toWxid":"${toWxid}","msgId":"769523509","newMsgId":"208008054840614808"}`,
    )
  })

  it('an appId the account does not have is refused: VendorError, not retryable, not sent', async () => {
    const failure = await client()
      .message.postImage({ appId: 'wx_unknown', toWxid, imgUrl: 'https://a.example/i.png' })
      .catch((error: unknown) => error)
    expect(VendorError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ retryable: false, delivery: 'not-sent' })
    expect(fake.inbox).toHaveLength(0)
  })
})

describe('validation: nothing is sent', () => {
  const cases: [string, SendName, Record<string, unknown>, string, string][] = [
    ['a relative URL', 'postImage', { imgUrl: '/a.png' }, 'imgUrl', 'must be an absolute http(s) URL'],
    [
      'an ftp: URL',
      'postFile',
      { fileUrl: 'ftp://a/b', fileName: 'b' },
      'fileUrl',
      'must be an absolute http(s) URL',
    ],
    [
      'a data: URL',
      'postVideo',
      { videoUrl: 'data:video/mp4;base64,AA', thumbUrl: 'https://a/t', videoDuration: 1 },
      'videoUrl',
      'must be an absolute http(s) URL',
    ],
    [
      'a missing fileName',
      'postFile',
      { fileUrl: 'https://a/b' },
      'fileName',
      'Invalid key: Expected "fileName" but received undefined',
    ],
    [
      'a missing thumbUrl',
      'postLink',
      { title: 't', desc: 'd', linkUrl: 'https://a' },
      'thumbUrl',
      'Invalid key: Expected "thumbUrl" but received undefined',
    ],
    [
      'a string duration',
      'postVoice',
      { voiceUrl: 'https://a/v.silk', voiceDuration: '2000' },
      'voiceDuration',
      'must be a number',
    ],
    [
      'a fractional duration',
      'postVideo',
      { videoUrl: 'https://a/v', thumbUrl: 'https://a/t', videoDuration: 1.5 },
      'videoDuration',
      'must be an integer',
    ],
    [
      'a negative size',
      'postEmoji',
      { emojiMd5: '4cc7540a85b5b6cf4ba14e9f4ae08b7c', emojiSize: -1 },
      'emojiSize',
      'must not be negative',
    ],
    ['a short md5', 'postEmoji', { emojiMd5: 'abc', emojiSize: 1 }, 'emojiMd5', 'must be 32 hex digits'],
    [
      'appmsg that is not an <appmsg>',
      'postAppMsg',
      { appmsg: '<msg/>' },
      'appmsg',
      'must be an <appmsg> element',
    ],
    ['xml that is not XML', 'forwardImage', { xml: 'aeskey=1' }, 'xml', 'must be XML'],
    [
      'an empty title',
      'postMiniApp',
      {
        miniAppId: 'wx1',
        displayName: 'd',
        pagePath: 'p',
        coverImgUrl: 'https://a/c',
        title: '',
        userName: 'gh_1@app',
      },
      'title',
      'must not be empty',
    ],
    [
      'a bad cover URL',
      'forwardMiniApp',
      { xml: '<msg/>', coverImgUrl: 'cover.jpg' },
      'coverImgUrl',
      'must be an absolute http(s) URL',
    ],
  ]
  it.each(cases)('%s → ValidationError on %s', async (_, name, fields, path, message) => {
    const failure = await call(client(), name, { appId, toWxid, ...fields }).catch((error: unknown) => error)
    expect(ValidationError.isInstance(failure)).toBe(true)
    expect((failure as ValidationError).issues).toContainEqual({ path, message })
    expect(fake.requests).toHaveLength(0)
  })

  it('a missing toWxid, and revokeMsg with a numeric newMsgId (digits may be lost)', async () => {
    const gewe = client()
    const noChat = await gewe.message
      .postNameCard({ appId, nickName: 'n', nameCardWxid: 'w' } as never)
      .catch((e) => e)
    expect(noChat.issues).toContainEqual({
      path: 'toWxid',
      message: 'Invalid key: Expected "toWxid" but received undefined',
    })
    const numeric = await gewe.message
      .revokeMsg({ appId, toWxid, msgId: 1, newMsgId: Number(max) as never, createTime: 1 })
      .catch((e) => e)
    expect(numeric.issues).toContainEqual({ path: 'newMsgId', message: 'must be a string' })
    const badMsgId = await gewe.message
      .revokeMsg({ appId, toWxid, msgId: '1e3', newMsgId: max })
      .catch((e) => e)
    expect(badMsgId.issues).toContainEqual({ path: 'msgId', message: 'must be decimal digits' })
    expect(fake.requests).toHaveLength(0)
  })
})

describe('one pacing queue per appId for every send', () => {
  it('a postImage and a postText to one appId go out one after the other, with the pause between', async () => {
    const gewe = client({ pacing: { gapMs: 60, jitterMs: 0 } })
    const arrivals: number[] = []
    const image = gewe.message.postImage({ appId, toWxid, imgUrl: 'https://a.example/i.png' })
    const text = gewe.message.postText({ appId, toWxid, content: 'after the image' })
    await Promise.all([
      image.then(() => arrivals.push(Date.now())),
      text.then(() => arrivals.push(Date.now())),
    ])
    expect(fake.requests.map((request) => request.path)).toEqual([
      '/gewe/v2/api/message/postImage',
      '/gewe/v2/api/message/postText',
    ])
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(55)
  })
})

describe('a Notice through the GeWe channel', () => {
  const notice = { title: '部署完成', text: 'v1.2.3 已上线\n详情见链接', url: 'https://ci.example.com/run/1' }
  const thumb = 'https://cdn.example.com/logo.png'

  it('with a url and noticeThumbUrl: a link card (postLink)', async () => {
    ids = [max]
    const sent = await client({ noticeThumbUrl: thumb }).channel({ appId, toWxid }).send(notice)
    expect(sent).toMatchObject({ vendor: 'gewe', messageId: max })
    expect(fake.requests[0]?.path).toBe('/gewe/v2/api/message/postLink')
    expect(fake.requests[0]?.body).toStrictEqual({
      appId,
      toWxid,
      title: '部署完成',
      desc: 'v1.2.3 已上线\n详情见链接',
      linkUrl: 'https://ci.example.com/run/1',
      thumbUrl: thumb,
    })
  })

  it('without a title the card takes the first line of the text', async () => {
    await client({ noticeThumbUrl: thumb })
      .channel({ appId, toWxid })
      .send({ text: '\n第一行\n第二行', url: notice.url })
    expect(fake.requests[0]?.body).toMatchObject({ title: '第一行', desc: '\n第一行\n第二行' })
  })

  it.each([
    ['no url', { noticeThumbUrl: thumb }, { appId, toWxid }, { title: 't', text: 'x' }, 't\nx'],
    [
      'no noticeThumbUrl',
      {},
      { appId, toWxid },
      notice,
      `部署完成\nv1.2.3 已上线\n详情见链接\n${notice.url}`,
    ],
    [
      'mentions (a card cannot @)',
      { noticeThumbUrl: thumb },
      { appId, toWxid, ats: 'notify@all' },
      { text: '@所有人 上线', url: notice.url },
      `@所有人 上线\n${notice.url}`,
    ],
  ] as const)('with %s: text lines (postText)', async (_, settings, target, message, content) => {
    await client(settings).channel(target).send(message)
    expect(fake.requests.map((request) => request.path)).toEqual(['/gewe/v2/api/message/postText'])
    expect(fake.inbox[0]?.content).toBe(content)
  })

  it('to a Channels letter: text lines (postPrivateLetter)', async () => {
    const finder = { toUserName: 'v2_peer@finder', myUserName: 'v2_me@finder', msgSessionId: 's@findermsg' }
    await client({ noticeThumbUrl: thumb }).channel({ appId, finder }).send(notice)
    expect(fake.requests.map((request) => request.path)).toEqual(['/gewe/v2/api/finder/postPrivateLetter'])
    expect(fake.inbox[0]?.content).toBe(`部署完成\nv1.2.3 已上线\n详情见链接\n${notice.url}`)
  })

  it('a bad notice is refused by core before any request', async () => {
    const failure = await client({ noticeThumbUrl: thumb })
      .channel({ appId, toWxid })
      .send({ text: 'x', url: 'not a url' })
      .catch((e) => e)
    expect(failure.issues).toContainEqual({ path: 'notice.url', message: 'must be an absolute http(s) URL' })
    expect(fake.requests).toHaveLength(0)
  })

  it('withFallback: after a failing channel the notice arrives as a GeWe link card', async () => {
    const down: TextChannel = {
      vendor: 'feishu',
      send: () =>
        Promise.reject(new NetworkError({ vendor: 'feishu', message: 'down', delivery: 'not-sent' })),
    }
    const sent = await withFallback([
      down,
      client({ noticeThumbUrl: thumb }).channel({ appId, toWxid }),
    ]).send(notice)
    expect(sent.vendor).toBe('gewe')
    expect(fake.inbox).toMatchObject([{ path: '/message/postLink', body: { linkUrl: notice.url } }])
  })

  it('broadcast: one notice to two chats, each as a link card', async () => {
    const gewe = client({ noticeThumbUrl: thumb })
    const results = await broadcast(
      [gewe.channel({ appId, toWxid }), gewe.channel({ appId, toWxid: 'wxid_friend' })],
      notice,
    )
    expect(results.map((result) => result.ok)).toEqual([true, true])
    expect(fake.inbox.map((entry) => [entry.path, entry.to])).toEqual([
      ['/message/postLink', toWxid],
      ['/message/postLink', 'wxid_friend'],
    ])
  })
})
