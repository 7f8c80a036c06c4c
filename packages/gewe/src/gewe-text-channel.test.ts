import { broadcast, ValidationError, withFallback } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createGewe, type GeweTarget } from './index.js'
import { createGeweFake } from './testing/index.js'

const token = 'tok-0123456789abcdef'
const finder = { toUserName: 'v2_peer@finder', myUserName: 'v2_me@finder', msgSessionId: 'abc@findermsg' }

function setup() {
  const ids = ['243683914400108297', '14264358459626428566', '208008054840614808']
  const fake = createGeweFake({ token, newMsgId: () => ids.shift()! })
  const client = createGewe({ token, fetch: fake.fetch, pacing: false })
  return { fake, client }
}

describe('sendText and channel', () => {
  it('{ appId, toWxid, ats } goes to message/postText', async () => {
    const { fake, client } = setup()
    const sent = await client.sendText({ appId: 'a', toWxid: '1@chatroom', ats: 'notify@all' }, '@所有人 hi')
    expect(sent).toMatchObject({ vendor: 'gewe', messageId: '243683914400108297' })
    expect(sent.requestId).toBeUndefined()
    expect(sent.raw).toMatchObject({ toWxid: '1@chatroom', newMsgId: '243683914400108297', type: 1 })
    expect(fake.requests[0]?.body).toStrictEqual({
      appId: 'a',
      toWxid: '1@chatroom',
      content: '@所有人 hi',
      ats: 'notify@all',
    })
  })

  it('{ appId, finder } goes to finder/postPrivateLetter', async () => {
    const { fake, client } = setup()
    const sent = await client.sendText({ appId: 'a', finder }, 'hello')
    expect(sent).toStrictEqual({
      vendor: 'gewe',
      messageId: '243683914400108297',
      raw: { newMsgId: '243683914400108297' },
    })
    expect(fake.requests[0]?.path).toBe('/gewe/v2/api/finder/postPrivateLetter')
    expect(fake.requests[0]?.body).toStrictEqual({ appId: 'a', content: 'hello', ...finder })
  })

  it('channel(target).send sends through the same path', async () => {
    const { fake, client } = setup()
    const channel = client.channel({ appId: 'a', toWxid: 'wxid_b' })
    expect(channel.vendor).toBe('gewe')
    await expect(channel.send('one')).resolves.toMatchObject({ messageId: '243683914400108297' })
    await expect(channel.send('two')).resolves.toMatchObject({ messageId: '14264358459626428566' })
    expect(fake.inbox.map((item) => [item.to, item.content])).toEqual([
      ['wxid_b', 'one'],
      ['wxid_b', 'two'],
    ])
  })

  it('works with withFallback and broadcast from core', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'offline' })
    const fallback = withFallback([
      client.channel({ appId: 'a', toWxid: 'x' }),
      client.channel({ appId: 'b', toWxid: 'y' }),
    ])
    await expect(fallback.send('hi')).resolves.toMatchObject({ vendor: 'gewe' })
    const results = await broadcast([client.channel({ appId: 'a', finder })], 'hey')
    expect(results).toHaveLength(1)
    expect(fake.inbox.map((item) => item.appId)).toEqual(['b', 'a'])
  })

  it.each([
    [{ appId: 'a' }, 'target'],
    [{ appId: 'a', finder: { toUserName: '', myUserName: 'm', msgSessionId: 's' } }, 'toUserName'],
    [{ appId: '', toWxid: 'x' }, 'appId'],
    [{ appId: 'a', toWxid: 'x', ats: 'a b' }, 'ats'],
  ])('rejects a bad target %j with nothing sent', async (target, path) => {
    const { fake, client } = setup()
    const failure = await client.sendText(target as GeweTarget, 'hi').catch((e) => e)
    expect(ValidationError.isInstance(failure)).toBe(true)
    expect(failure.issues.map((issue: { path: string }) => issue.path)).toContain(path)
    expect(fake.requests).toHaveLength(0)
  })

  it('rejects empty text with nothing sent', async () => {
    const { fake, client } = setup()
    await expect(client.sendText({ appId: 'a', finder }, '')).rejects.toThrow(/content: must not be empty/)
    expect(fake.requests).toHaveLength(0)
  })
})
