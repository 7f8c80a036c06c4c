import type { InboundMessage } from '@msg/core'
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { vendorNames } from '../vendors/vendor-spec.js'
import { loadSandboxVendor } from './sandbox-vendors.js'

const served: ServedHandler[] = []
afterEach(async () => {
  await Promise.all(served.splice(0).map((server) => server.close()))
})

describe('each vendor sandbox writes back', () => {
  it.each(vendorNames)(
    '%s: a signed "ping" reaches onMessage, whose "pong" lands in the fake',
    async (name) => {
      const descriptor = await loadSandboxVendor[name]()
      const inbound = descriptor.inbound!
      const fake = descriptor.createFake()
      const api = await serve(fake.handle)
      served.push(api)
      const heard: InboundMessage[] = []
      const webhook = inbound.createWebhook({
        client: descriptor.createClient(api.url, { retry: 0, ...(name === 'gewe' ? { pacing: false } : {}) }),
        onMessage: async (message) => {
          heard.push(message)
          await message.reply('pong')
        },
      })
      const hook = await serve(webhook.fetch)
      served.push(hook)
      expect(await inbound.say(hook.url, 'ping')).toEqual({ status: 200 })
      expect(heard.map((message) => [message.vendor, message.text])).toEqual([[name, 'ping']])
      expect(typeof heard[0]?.messageId).toBe('string')
      expect(JSON.stringify(fake.inbox.at(-1))).toContain('pong')
    },
  )

  it.each(vendorNames)('%s: a webhook without the sample secrets refuses the push (401)', async (name) => {
    const descriptor = await loadSandboxVendor[name]()
    const inbound = descriptor.inbound!
    const heard: unknown[] = []
    const webhook = inbound.createWebhook({ onMessage: (message) => void heard.push(message) })
    // The same webhook, reached through a proxy that corrupts one byte of every body: the vendor's
    // signature (or, for GeWe, the secret header it carries) no longer matches.
    const tampered = await serve(async (request) => {
      const bytes = new Uint8Array(await request.arrayBuffer())
      const headers = new Headers(request.headers)
      if (name === 'gewe') headers.set('authorization', 'not-the-secret')
      else bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 1
      return webhook.fetch(new Request(request.url, { method: 'POST', headers, body: bytes }))
    })
    served.push(tampered)
    expect((await inbound.say(tampered.url, 'ping')).status).toBe(401)
    expect(heard).toEqual([])
  })
})
