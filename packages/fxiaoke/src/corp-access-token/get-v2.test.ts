import { AuthError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createFxiaoke } from '../fxiaoke-client.js'
import { createFxiaokeFake } from '../testing/index.js'

const credentials = {
  appId: 'FSAID_fake',
  appSecret: 'fake-app-secret',
  permanentCode: 'fake-permanent-code',
}
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('legacy mode (corpAccessToken in the body)', () => {
  it('fetches /cgi/corpAccessToken/get/V2 and sends corpAccessToken/corpId in the body, no auth headers', async () => {
    const fake = createFxiaokeFake()
    const client = createFxiaoke({ ...credentials, authMode: 'legacy', fetch: fake.fetch })
    const result = await client.message.send({
      toUser: ['FSUID_1'],
      msgType: 'text',
      text: { content: 'hi' },
    })
    const [token, send] = fake.requests
    expect(token?.path).toBe('/cgi/corpAccessToken/get/V2')
    expect(token?.query.thirdTraceId).toMatch(uuidV4)
    expect(token?.body).toEqual(credentials)
    expect(send?.path).toBe('/cgi/message/send')
    expect(send?.headers.authorization).toBeUndefined()
    expect(send?.headers['x-fs-ea']).toBeUndefined()
    expect(send?.body).toEqual({
      corpAccessToken: expect.stringMatching(/^fake-token-/),
      corpId: 'fake-ea',
      toUser: ['FSUID_1'],
      msgType: 'text',
      text: { content: 'hi' },
    })
    // The wire body is unchanged from earlier releases, key order included.
    expect(Object.keys(send?.body as object)).toEqual([
      'corpAccessToken',
      'corpId',
      'toUser',
      'msgType',
      'text',
    ])
    expect(result.traceId).toBe(fake.inbox[0]?.traceId)
    expect(fake.inbox[0]?.convention).toBe('legacy')
  })

  it('refreshes once on 20005 (legacy token expired)', async () => {
    const fake = createFxiaokeFake()
    const client = createFxiaoke({ ...credentials, authMode: 'legacy', fetch: fake.fetch })
    await client.sendText({ toUser: ['FSUID_1'] }, 'one')
    fake.expireTokens()
    await client.sendText({ toUser: ['FSUID_1'] }, 'two')
    expect(fake.tokenCalls).toBe(2)
    expect(fake.inbox.map((message) => message.text?.content)).toEqual(['one', 'two'])
    const bodies = fake.requests.filter((r) => r.path === '/cgi/message/send').map((r) => r.body)
    expect(bodies).toHaveLength(3)
  })

  it('a pre-issued corpAccessToken/corpId works as { accessToken, ea }', async () => {
    const fake = createFxiaokeFake()
    const client = createFxiaoke({
      accessToken: 'nope',
      ea: 'fake-ea',
      authMode: 'legacy',
      fetch: fake.fetch,
    })
    const error = await client.sendText({ toUser: ['FSUID_1'] }, 'hi').catch((caught: unknown) => caught)
    expect(AuthError.isInstance(error) && error.code).toBe(20005)
    expect(fake.requests).toHaveLength(1)
  })
})
