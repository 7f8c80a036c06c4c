import { broadcast, NetworkError, type TextChannel, withFallback } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { appId, client, fake, issue, max, serveFake, toWxid } from './rich-fixture.js'

serveFake()

describe('a Notice through the GeWe channel', () => {
  const notice = { title: '部署完成', text: 'v1.2.3 已上线\n详情见链接', url: 'https://ci.example.com/run/1' }
  const thumb = 'https://cdn.example.com/logo.png'

  it('with a url and noticeThumbUrl: a link card (postLink)', async () => {
    issue(max)
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
