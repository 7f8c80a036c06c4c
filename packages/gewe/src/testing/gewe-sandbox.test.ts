import { serve } from '@msg/core/testing'
import { describe, expect, it } from 'vitest'
import { geweSandbox } from './index.js'

describe('geweSandbox', () => {
  it('sends the sample target through a client to its fake over HTTP', async () => {
    const fake = geweSandbox.createFake()
    const server = await serve(fake.handle)
    try {
      const client = geweSandbox.createClient(server.url, { pacing: false })
      await expect(client.sendText(geweSandbox.target, 'hi')).resolves.toMatchObject({ vendor: 'gewe' })
      expect(fake.requests[0]?.path).toBe(`${geweSandbox.basePath}/message/postText`)
      expect(fake.requests[0]?.headers['x-gewe-token']).toBe(geweSandbox.credentials.token)
      expect(fake.inbox).toHaveLength(1)
    } finally {
      await server.close()
    }
  })
})
