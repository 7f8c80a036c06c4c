import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createGewe, defaultMaxContentLength } from '../index.js'
import { createGeweFake } from '../testing/index.js'

const token = 'tok-0123456789abcdef'
const body = { appId: 'wx_app_1', toWxid: 'wxid_friend', content: 'hello' }

function setup(settings: Record<string, unknown> = {}) {
  const fake = createGeweFake({ token, newMsgId: () => '14264358459626428566', now: () => 1_700_000_000 })
  const client = createGewe({ token, fetch: fake.fetch, pacing: false, ...settings })
  return { fake, client }
}

const rejectsWith = async (promise: Promise<unknown>, path: string, message: string) =>
  expect(promise).rejects.toSatisfy(
    (error: ValidationError) =>
      ValidationError.isInstance(error) &&
      error.issues.some((issue) => issue.path === path && issue.message === message),
  )

describe('message.postText', () => {
  it('POSTs { appId, toWxid, content } and returns ids as exact strings', async () => {
    const { fake, client } = setup()
    await expect(client.message.postText(body)).resolves.toStrictEqual({
      toWxid: 'wxid_friend',
      createTime: 1_700_000_000,
      msgId: '0',
      newMsgId: '14264358459626428566',
      type: 1,
    })
    expect(fake.requests[0]?.path).toBe('/gewe/v2/api/message/postText')
    expect(fake.requests[0]?.body).toStrictEqual(body)
  })

  it('sends ats as given: comma-separated wxids or notify@all', async () => {
    const { fake, client } = setup()
    await client.message.postText({
      ...body,
      toWxid: '123@chatroom',
      content: '@a @b hi',
      ats: 'wxid_a,wxid_b',
    })
    await client.message.postText({
      ...body,
      toWxid: '123@chatroom',
      content: '@所有人 hi',
      ats: 'notify@all',
    })
    expect(fake.inbox.map((item) => item.ats)).toEqual(['wxid_a,wxid_b', 'notify@all'])
  })

  it.each(['', 'wxid_a,', ',wxid_a', 'wxid_a, wxid_b', 'wxid_a,,wxid_b'])(
    'rejects ats %j with nothing sent',
    async (ats) => {
      const { fake, client } = setup()
      await rejectsWith(
        client.message.postText({ ...body, ats }),
        'ats',
        'must be comma-separated wxids or notify@all',
      )
      expect(fake.requests).toHaveLength(0)
    },
  )

  it.each(['appId', 'toWxid', 'content'] as const)('rejects an empty %s with nothing sent', async (field) => {
    const { fake, client } = setup()
    await rejectsWith(client.message.postText({ ...body, [field]: '' }), field, 'must not be empty')
    expect(fake.requests).toHaveLength(0)
  })

  it(`limits content to ${defaultMaxContentLength} characters by default`, async () => {
    const { fake, client } = setup()
    await expect(client.message.postText({ ...body, content: 'x'.repeat(2000) })).resolves.toBeDefined()
    await rejectsWith(
      client.message.postText({ ...body, content: 'x'.repeat(2001) }),
      'content',
      'must be at most 2000 characters',
    )
    expect(fake.requests).toHaveLength(1)
  })

  it('takes the content limit from maxContentLength', async () => {
    const { fake, client } = setup({ maxContentLength: 5000 })
    await client.message.postText({ ...body, content: 'x'.repeat(5000) })
    await rejectsWith(
      client.message.postText({ ...body, content: 'x'.repeat(5001) }),
      'content',
      'must be at most 5000 characters',
    )
    expect(fake.requests).toHaveLength(1)
  })

  it('lists every broken rule in one ValidationError', async () => {
    const { client } = setup()
    const error = await client.message.postText({ appId: '', toWxid: '', content: '' }).catch((e) => e)
    expect(error.issues.map((issue: { path: string }) => issue.path)).toEqual(['appId', 'toWxid', 'content'])
    expect(error.message).toMatch(/^\[@msg\/gewe\] message\.postText: invalid input, nothing was sent/)
  })
})
