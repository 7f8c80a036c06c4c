import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createGewe } from '../index.js'
import { createGeweFake } from '../testing/index.js'

const token = 'tok-revoke-0123456789'
const newMsgId = '7773749793478223190'

function setup() {
  const fake = createGeweFake({ token, newMsgId: () => newMsgId, now: () => 1_704_163_145 })
  return { fake, client: createGewe({ token, fetch: fake.fetch, pacing: false }) }
}

describe('message.revokeMsg', () => {
  it('sends msgId, newMsgId and createTime as strings, numbers turned into their digits', async () => {
    const { fake, client } = setup()
    await client.message.postText({ appId: 'a', toWxid: 'b', content: 'x' })
    const sent = await client.message.postImage({
      appId: 'a',
      toWxid: 'b',
      imgUrl: 'https://a.example/i.png',
    })
    expect(sent).toMatchObject({ msgId: '769523509', createTime: 1_704_163_145, newMsgId })
    await client.message.revokeMsg({
      appId: 'a',
      toWxid: 'b',
      msgId: 769523509,
      newMsgId,
      createTime: 1_704_163_145,
    })
    expect(fake.requests[2]?.text).toBe(
      `{"appId":"a","toWxid":"b","msgId":"769523509","newMsgId":"${newMsgId}","createTime":"1704163145"}`,
    )
    expect(fake.inbox[1]?.revoked).toBe(true)
  })

  it('answers nothing but success: GeWe returns no data', async () => {
    const { client } = setup()
    const sent = await client.message.forwardFile({ appId: 'a', toWxid: 'b', xml: '<msg/>' })
    await expect(client.message.revokeMsg({ appId: 'a', ...sent })).resolves.toBeUndefined()
  })

  it.each([
    ['newMsgId', { newMsgId: '' }, 'must not be empty'],
    ['newMsgId', { newMsgId: '12a' }, 'must be decimal digits'],
    ['msgId', { msgId: -1 }, 'must be decimal digits'],
    ['msgId', { msgId: 1.5 }, 'must be decimal digits'],
    ['createTime', { createTime: 'yesterday' }, 'must be decimal digits'],
  ])('rejects a bad %s with nothing sent', async (path, change, message) => {
    const { fake, client } = setup()
    const error = await client.message
      .revokeMsg({ appId: 'a', toWxid: 'b', msgId: '1', newMsgId, createTime: '1', ...change } as never)
      .catch((e) => e)
    expect(ValidationError.isInstance(error)).toBe(true)
    expect(error.issues).toContainEqual({ path, message })
    expect(fake.requests).toHaveLength(0)
  })
})
