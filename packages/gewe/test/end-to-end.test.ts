import { AuthError, NetworkError, TimeoutError, VendorError } from '@msg/core'
import { type ServedHandler, serve } from '@msg/core/testing'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createGewe } from '../src/index.js'
import { createGeweFake } from '../src/testing/index.js'

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
  it('sends a private letter and a text, keeping every digit of the ids', async () => {
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
    fake.inject({ kind: 'server-error', msg: null })
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

describe('end to end through msw', () => {
  const mswFake = createGeweFake({ token, newMsgId: () => '243683914400108297' })
  const server = setupServer(
    ...mswFake.mswHandlers(),
    ...mswFake.mswHandlers('https://gewe.example.com/v2/api'),
  )
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())
  afterEach(() => mswFake.reset())

  it('answers the default base and a custom one', async () => {
    const gewe = createGewe({ token, pacing: false })
    await expect(gewe.message.postText({ appId: 'a', toWxid: 'b', content: 'c' })).resolves.toMatchObject({
      newMsgId: '243683914400108297',
    })
    const custom = createGewe({ token, pacing: false, baseURL: 'https://gewe.example.com/v2/api' })
    await expect(custom.sendText({ appId: 'a', toWxid: 'c' }, 'yo')).resolves.toMatchObject({
      messageId: '243683914400108297',
    })
    expect(mswFake.requests.map((request) => request.url)).toEqual([
      'http://api.geweapi.com/gewe/v2/api/message/postText',
      'https://gewe.example.com/v2/api/message/postText',
    ])
  })

  it('a dropped connection is a network error (not an HTTP answer): delivery unknown, one request', async () => {
    mswFake.inject({ kind: 'drop' })
    const failure = await createGewe({ token, pacing: false, retry: 3 })
      .sendText({ appId: 'a', toWxid: 'b' }, 'hi')
      .catch((error: unknown) => error)
    expect(NetworkError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ vendor: 'gewe', delivery: 'unknown' })
    expect(mswFake.requests).toHaveLength(1)
  })
})
