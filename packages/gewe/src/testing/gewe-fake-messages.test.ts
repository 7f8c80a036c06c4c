import { describe, expect, it } from 'vitest'
import { createGeweFake, fakeMessageOperations } from './index.js'

const token = 'fake-rich-token'
const post = (fake: ReturnType<typeof createGeweFake>, path: string, body: unknown) =>
  fake.handle(
    new Request(`http://api.geweapi.com/gewe/v2/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gewe-token': token },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
const chat = { appId: 'wx_a', toWxid: 'wxid_b' }
const image = { ...chat, imgUrl: 'https://a.example/i.png' }

describe('the GeWe fake on rich messages', () => {
  it('knows every documented post* and forward* path', () => {
    expect(Object.keys(fakeMessageOperations)).toHaveLength(14)
  })

  it('answers a send with the 64-bit newMsgId as raw JSON digits', async () => {
    const fake = createGeweFake({ token, newMsgId: () => 9223372036854775807n, now: () => 1 })
    const text = await (
      await post(fake, '/message/postFile', { ...chat, fileUrl: 'http://a/f', fileName: 'f' })
    ).text()
    expect(text).toBe(
      '{"ret":200,"msg":"操作成功","data":{"toWxid":"wxid_b","createTime":1,"msgId":769523509,"newMsgId":9223372036854775807,"type":6}}',
    )
    expect(fake.inbox).toEqual([
      {
        path: '/message/postFile',
        appId: 'wx_a',
        to: 'wxid_b',
        content: '',
        newMsgId: '9223372036854775807',
        msgId: '769523509',
        createTime: 1,
        body: { ...chat, fileUrl: 'http://a/f', fileName: 'f' },
      },
    ])
  })

  it.each([
    ['a missing field', '/message/postImage', chat, 'imgUrl 不能为空'],
    ['a relative URL', '/message/postImage', { ...chat, imgUrl: '/i.png' }, 'imgUrl 不是有效的链接'],
    [
      'a string integer',
      '/message/postVoice',
      { ...chat, voiceUrl: 'http://a/v', voiceDuration: '1' },
      'voiceDuration 类型错误',
    ],
    [
      'a number for a string',
      '/message/postNameCard',
      { ...chat, nickName: 1, nameCardWxid: 'w' },
      'nickName 类型错误',
    ],
  ])('refuses %s with ret 500 and records nothing', async (_, path, body, detail) => {
    const fake = createGeweFake({ token })
    expect(await (await post(fake, path, body)).json()).toEqual({
      ret: 500,
      msg: '参数错误',
      data: { code: '-1', msg: detail },
    })
    expect(fake.inbox).toHaveLength(0)
  })

  it('refuses an appId it does not know when given appIds', async () => {
    const fake = createGeweFake({ token, appIds: ['wx_other'] })
    expect(await (await post(fake, '/message/postImage', image)).json()).toMatchObject({
      ret: 500,
      data: { msg: '[wx_a]设备不存在' },
    })
    expect(await (await post(fake, '/message/postText', { ...chat, content: 'x' })).json()).toMatchObject({
      ret: 500,
    })
    expect(fake.inbox).toHaveLength(0)
  })

  it('revokes only the exact id it issued, once, given as strings', async () => {
    const fake = createGeweFake({ token, newMsgId: () => '208008054840614808', now: () => 5 })
    await post(fake, '/message/postImage', image)
    const revoke = { ...chat, msgId: '769523509', newMsgId: '208008054840614808', createTime: '5' }
    const lossy = '{"appId":"wx_a","toWxid":"wxid_b","msgId":"769523509","newMsgId":208008054840614808}'
    expect(await (await post(fake, '/message/revokeMsg', lossy)).json()).toMatchObject({
      ret: 500,
      data: { msg: 'newMsgId 类型错误' },
    })
    expect(
      await (await post(fake, '/message/revokeMsg', { ...revoke, newMsgId: '208008054840614800' })).json(),
    ).toMatchObject({ ret: 500, msg: '撤回失败' })
    expect(
      await (await post(fake, '/message/revokeMsg', { ...revoke, createTime: '6' })).json(),
    ).toMatchObject({
      ret: 500,
    })
    expect(await (await post(fake, '/message/revokeMsg', revoke)).json()).toEqual({
      ret: 200,
      msg: '操作成功',
    })
    expect(fake.inbox[0]?.revoked).toBe(true)
    expect(await (await post(fake, '/message/revokeMsg', revoke)).json()).toMatchObject({ ret: 500 })
  })

  it('starts msgId again after reset()', async () => {
    const fake = createGeweFake({ token })
    await post(fake, '/message/postImage', image)
    fake.reset()
    await post(fake, '/message/postImage', image)
    expect(fake.inbox.map((entry) => entry.msgId)).toEqual(['769523509'])
  })
})
