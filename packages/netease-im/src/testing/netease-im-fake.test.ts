import { describe, expect, it } from 'vitest'
import { createSignatureHeaders } from '../netease-im-auth.js'
import { createNeteaseImFake } from './index.js'

const credentials = { appKey: 'test-app-key', appSecret: 'test-app-secret' }
const url = 'https://open.yunxinapi.com/im/v2/conversations/a%7C1%7Cb/messages'

async function post(
  fake: ReturnType<typeof createNeteaseImFake>,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const signature = await createSignatureHeaders(credentials)
  const response = await fake.handle(
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=utf-8', ...signature, ...headers },
      body: JSON.stringify(body),
    }),
  )
  return { status: response.status, text: await response.text() }
}

const text = { message: { message_type: 0, text: 'hi', message_client_id: 'c1' } }

describe('createNeteaseImFake', () => {
  it('answers {code,msg,data} with message_server_id as a raw JSON number beyond 2^53', async () => {
    const fake = createNeteaseImFake({ firstMessageServerId: 9223372036854775807n })
    const { status, text: reply } = await post(fake, text)
    expect(status).toBe(200)
    expect(reply).toMatch(/^\{"code":200,"msg":"success","data":\{"message_server_id":9223372036854775807,/)
    expect(fake.inbox).toMatchObject([
      {
        conversation_id: 'a|1|b',
        sender_id: 'a',
        receiver_id: 'b',
        message_server_id: '9223372036854775807',
      },
    ])
  })

  it('refuses a wrong CheckSum, a CurTime more than 5 minutes off and an unknown AppKey', async () => {
    const fake = createNeteaseImFake()
    expect((await post(fake, text, { CheckSum: '0'.repeat(40) })).text).toContain('"code":414')
    const stale = String(Math.floor(Date.now() / 1000) - 301)
    expect((await post(fake, text, { CurTime: stale })).text).toContain('CurTime expired')
    expect((await post(fake, text, { AppKey: 'other' })).text).toContain('"code":101303')
    expect(fake.inbox).toHaveLength(0)
    expect(fake.requests).toHaveLength(3)
  })

  it('accepts a CurTime just inside the 5-minute window', async () => {
    const fake = createNeteaseImFake({ now: () => Date.now() + 290_000 })
    expect((await post(fake, text)).text).toContain('"code":200')
  })

  it('de-duplicates message_client_id per sender with 107306', async () => {
    const fake = createNeteaseImFake()
    await post(fake, text)
    expect((await post(fake, text)).text).toBe(
      '{"code":107306,"msg":"duplicate message_client_id","data":{}}',
    )
    expect(fake.inbox).toHaveLength(1)
  })

  it('rejects parameter errors with 414 and unknown paths with 404', async () => {
    const fake = createNeteaseImFake()
    expect((await post(fake, { message: { message_type: 0, text: '' } })).text).toContain('message.text')
    const response = await fake.handle(new Request('https://open.yunxinapi.com/nope', { method: 'POST' }))
    expect(await response.text()).toContain('"code":404')
  })

  it('injects faults and forgets everything on reset', async () => {
    const fake = createNeteaseImFake()
    fake.inject({ kind: 'rate-limit' })
    expect((await post(fake, text)).text).toContain('"code":416')
    fake.inject({ kind: 'broken-body' })
    expect((await post(fake, text)).text).not.toContain('}')
    fake.inject({ kind: 'server-error', delivered: true })
    expect((await post(fake, text)).text).toContain('"code":500')
    expect(fake.inbox).toHaveLength(1)
    fake.reset()
    expect([fake.inbox.length, fake.requests.length]).toEqual([0, 0])
    expect((await post(fake, text)).text).toContain('"code":200')
  })

  it('answers server-error with HTTP 200 by default or the given status, storing only when delivered', async () => {
    const fake = createNeteaseImFake()
    fake.inject({ kind: 'server-error', code: 503 })
    expect(await post(fake, text)).toMatchObject({ status: 200, text: expect.stringContaining('"code":503') })
    expect(fake.inbox).toHaveLength(0)
    fake.inject({ kind: 'server-error', status: 500, delivered: true })
    expect(await post(fake, text)).toMatchObject({ status: 500, text: expect.stringContaining('"code":500') })
    expect(fake.inbox).toHaveLength(1)
  })
})
