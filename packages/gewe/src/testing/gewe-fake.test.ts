import { describe, expect, it } from 'vitest'
import { createGeweFake } from './index.js'

const token = 'fake-token-123'
const post = (fake: ReturnType<typeof createGeweFake>, path: string, body: unknown, headers = {}) =>
  fake.handle(
    new Request(`http://api.geweapi.com/gewe/v2/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gewe-token': token, ...headers },
      body: JSON.stringify(body),
    }),
  )
const text = { appId: 'a', toWxid: 'wxid_b', content: 'hi' }

describe('createGeweFake', () => {
  it('checks the token header like GeWe: HTTP 200 with ret 500', async () => {
    const fake = createGeweFake({ token })
    const missing = await post(fake, '/message/postText', text, { 'x-gewe-token': '' })
    expect(missing.status).toBe(200)
    expect(await missing.json()).toEqual({ ret: 500, msg: 'header:X-GEWE-TOKEN 不可为空' })
    const wrong = await post(fake, '/message/postText', text, { 'x-gewe-token': 'nope' })
    expect(await wrong.json()).toEqual({ ret: 500, msg: 'X-GEWE-TOKEN=nope 不可用或已过期' })
    expect(fake.inbox).toHaveLength(0)
    expect(fake.requests).toHaveLength(2)
  })

  it('emits 64-bit newMsgId as raw JSON digits from a pinned generator', async () => {
    const fake = createGeweFake({ token, newMsgId: () => 14264358459626428566n, now: () => 1700000000 })
    const raw = await (await post(fake, '/message/postText', text)).text()
    expect(raw).toBe(
      '{"ret":200,"msg":"操作成功","data":{"toWxid":"wxid_b","createTime":1700000000,"msgId":0,"newMsgId":14264358459626428566,"type":1}}',
    )
    expect(fake.inbox).toEqual([
      {
        path: '/message/postText',
        appId: 'a',
        to: 'wxid_b',
        content: 'hi',
        newMsgId: '14264358459626428566',
        body: text,
      },
    ])
  })

  it('by default counts ids upward from beyond 2^53', async () => {
    const fake = createGeweFake({ token })
    await post(fake, '/message/postText', text)
    await post(fake, '/message/postText', text)
    expect(fake.inbox.map((item) => item.newMsgId)).toEqual(['7773749793478223190', '7773749793478223191'])
  })

  it('answers missing fields and unknown paths with ret 500', async () => {
    const fake = createGeweFake({ token })
    expect(await (await post(fake, '/finder/postPrivateLetter', { appId: 'a' })).json()).toMatchObject({
      ret: 500,
      data: { msg: 'content 不能为空' },
    })
    expect(await (await post(fake, '/nope', {})).json()).toMatchObject({ ret: 500 })
    expect(fake.inbox).toHaveLength(0)
  })

  it('serves self-hosted prefixes too, and reset() clears everything', async () => {
    const fake = createGeweFake({ token })
    fake.inject({ kind: 'offline' }, { times: 5 })
    const response = await fake.handle(
      new Request('http://10.0.0.5:2531/v2/api/message/postText', {
        method: 'POST',
        headers: { 'x-gewe-token': token },
        body: JSON.stringify(text),
      }),
    )
    expect(await response.json()).toEqual({
      ret: 500,
      msg: '操作失败',
      data: { code: '-1', msg: '微信已离线' },
    })
    fake.reset()
    expect(fake.requests).toHaveLength(0)
    expect((await (await post(fake, '/message/postText', text)).json()).ret).toBe(200)
  })

  it('injects faults only for matching requests', async () => {
    const fake = createGeweFake({ token })
    fake.inject(
      { kind: 'server-error', delivered: false },
      { match: (request) => request.url.endsWith('/finder/postPrivateLetter') },
    )
    expect((await (await post(fake, '/message/postText', text)).json()).ret).toBe(200)
    const letter = { appId: 'a', content: 'x', toUserName: 't', myUserName: 'm', msgSessionId: 's' }
    expect(await (await post(fake, '/finder/postPrivateLetter', letter)).json()).toEqual({
      ret: 500,
      msg: null,
    })
    expect(fake.inbox).toHaveLength(1)
  })
})
