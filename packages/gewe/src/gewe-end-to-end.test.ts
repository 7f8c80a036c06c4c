import { AuthError, TimeoutError, VendorError } from '@msg/core'
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createGewe } from './index.js'
import { createGeweFake } from './testing/index.js'

const token = 'e2e-token-abcdef'
const ids = ['243683914400108297', '14264358459626428566']
const fake = createGeweFake({ token, newMsgId: () => ids.shift() ?? '208008054840614808' })
let server: ServedHandler
const finder = { toUserName: 'v2_peer@finder', myUserName: 'v2_me@finder', msgSessionId: 'abc@findermsg' }

beforeAll(async () => {
  server = await serve(fake.handle)
})
afterAll(() => server.close())
afterEach(() => fake.reset())

const client = (settings = {}) =>
  createGewe({ token, baseURL: `${server.url}/gewe/v2/api`, pacing: { gapMs: 20, jitterMs: 0 }, ...settings })

describe('end to end over real HTTP on 127.0.0.1', () => {
  it('sends the seed and a text, keeping every digit of the ids', async () => {
    const gewe = client()
    await expect(
      gewe.finder.postPrivateLetter({ appId: 'a', content: '文本', ...finder }),
    ).resolves.toStrictEqual({
      newMsgId: '243683914400108297',
    })
    await expect(gewe.sendText({ appId: 'a', toWxid: 'wxid_b' }, 'hi')).resolves.toMatchObject({
      messageId: '14264358459626428566',
    })
    expect(fake.requests.map((request) => request.path)).toEqual([
      '/gewe/v2/api/finder/postPrivateLetter',
      '/gewe/v2/api/message/postText',
    ])
    expect(fake.requests.every((request) => request.headers['x-gewe-token'] === token)).toBe(true)
  })

  it('maps ret 500 to VendorError and a bad token to AuthError, one request each', async () => {
    fake.inject({ kind: 'ret-500', msg: null })
    const failure = await client()
      .message.postText({ appId: 'a', toWxid: 'b', content: 'c' })
      .catch((e) => e)
    expect(VendorError.isInstance(failure)).toBe(true)
    expect(failure.delivery).toBe('unknown')
    const denied = await client({ token: 'wrong-token-xyz' })
      .message.postText({ appId: 'a', toWxid: 'b', content: 'c' })
      .catch((e) => e)
    expect(AuthError.isInstance(denied)).toBe(true)
    expect(denied.message).not.toContain('wrong-token-xyz')
    expect(fake.requests).toHaveLength(2)
  })

  it('a timeout surfaces as delivery unknown after exactly one request', async () => {
    fake.inject({ kind: 'delay', ms: 200 })
    const failure = await client({ timeout: 50 })
      .message.postText({ appId: 'a', toWxid: 'b', content: 'c' })
      .catch((e) => e)
    expect(TimeoutError.isInstance(failure)).toBe(true)
    expect(failure.delivery).toBe('unknown')
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(fake.requests).toHaveLength(1)
  })
})
