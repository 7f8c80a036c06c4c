import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFeishu } from '../src/index.js'
import { createFeishuFake } from '../src/testing/index.js'
import { doneWhenSuite } from './done-when-suite.js'

const fake = createFeishuFake()
const lark = createFeishuFake({ appId: 'cli_lark', appSecret: 'lark-secret' })
const server = setupServer(...fake.mswHandlers(), ...lark.mswHandlers('https://open.larksuite.com'))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

doneWhenSuite('msw', () => ({ fake, settings: {} }))

describe('Lark domain (msw)', () => {
  it("sends to open.larksuite.com with domain: 'lark'", async () => {
    fake.reset()
    const client = createFeishu({ appId: 'cli_lark', appSecret: 'lark-secret', domain: 'lark' })
    const sent = await client.sendText({ email: 'a@example.com' }, 'hello Lark')
    expect(sent).toMatchObject({ vendor: 'feishu', messageId: lark.inbox[0]?.message_id })
    expect(lark.requests.map((request) => request.path)).toEqual([
      '/open-apis/auth/v3/tenant_access_token/internal',
      '/open-apis/im/v1/messages',
    ])
    expect(lark.requests[1]?.query).toEqual({ receive_id_type: 'email' })
    expect(fake.requests).toHaveLength(0)
  })
})
