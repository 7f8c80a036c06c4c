import { VendorError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { appId, call, client, fake, issue, max, sends, serveFake, token, toWxid } from './rich-fixture.js'

serveFake()

describe('rich messages over real HTTP on 127.0.0.1', () => {
  it.each(sends)(
    '%s: POST /gewe/v2/api/message/<op>, GeWe field names, exact ids back',
    async (name, fields, type) => {
      issue(max)
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
    issue(max)
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
    issue('208008054840614808')
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
