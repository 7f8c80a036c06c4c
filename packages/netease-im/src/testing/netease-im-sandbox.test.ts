import { serve } from '@msg/core/testing'
import { describe, expect, it } from 'vitest'
import { neteaseImSandbox } from './index.js'

describe('neteaseImSandbox', () => {
  it('describes NetEase with the CLI sandbox credentials and target', () => {
    expect(neteaseImSandbox).toMatchObject({
      vendor: 'netease-im',
      credentials: { appKey: 'sandbox-netease-app-key', appSecret: 'sandbox-netease-secret' },
      target: { from: 'sandbox_alice', to: 'sandbox_bob', type: 'p2p' },
      basePath: '',
    })
  })

  it('sends a signed text from its client to its fake over 127.0.0.1', async () => {
    const fake = neteaseImSandbox.createFake()
    const server = await serve(fake.handle)
    try {
      const client = neteaseImSandbox.createClient(server.url, { retry: 0 })
      const sent = await client.sendText(neteaseImSandbox.target, 'hello sandbox')
      expect(sent).toMatchObject({ vendor: 'netease-im', messageId: expect.stringMatching(/^\d+$/) })
      expect(fake.inbox).toMatchObject([{ conversation_id: 'sandbox_alice|1|sandbox_bob' }])
      expect(fake.requests[0]?.url).toBe(
        `${server.url}/im/v2/conversations/sandbox_alice%7C1%7Csandbox_bob/messages`,
      )
    } finally {
      await server.close()
    }
  })

  it('lets settings replace the credentials: a wrong secret is refused by its fake', async () => {
    const fake = neteaseImSandbox.createFake()
    const client = neteaseImSandbox.createClient('http://127.0.0.1:9', {
      appSecret: 'not-the-sandbox-secret',
      fetch: (input, init) => fake.handle(new Request(input, init)),
    })
    await expect(client.sendText(neteaseImSandbox.target, 'hi')).rejects.toMatchObject({
      name: 'AuthError',
      code: 414,
    })
    expect(fake.inbox).toHaveLength(0)
  })
})
