import type { SandboxVendor } from '@msg/core/testing'
import { createGewe, type GeweClient } from '../gewe-client.js'
import type { GeweSettings } from '../gewe-settings.js'
import type { GeweTarget } from '../gewe-text-channel.js'
import { createGeweWebhook } from '../webhook/gewe-webhook.js'
import { deliverGeweCallback } from './gewe-deliver.js'
import { createGeweFake } from './gewe-fake.js'
import { geweTextCallback } from './gewe-sample-callbacks.js'

const token = 'sandbox-gewe-token'
const target = { appId: 'wx_sandbox_device', toWxid: 'wxid_sandbox_friend' }
// GeWe signs nothing: the sandbox's callbacks carry this shared secret in the `authorization` header.
const secrets = { secret: 'sandbox-gewe-callback-secret', secretIn: 'header' } as const

/**
 * GeWe for local tools: a fake accepting the sample token, a client that sends to it (paced as in
 * production unless `settings` turn `pacing` off), and the sample friend writing to the sample device:
 * text callbacks sent with the sample shared secret in the `authorization` header.
 * @see README.md#testing-kit-msggewetesting
 */
export const geweSandbox: SandboxVendor<
  GeweSettings,
  Extract<GeweTarget, { toWxid: string }>,
  GeweClient,
  { token: string }
> = {
  vendor: 'gewe',
  credentials: { token },
  target,
  basePath: '/gewe/v2/api',
  createFake: () => createGeweFake({ token }),
  createClient: (origin, settings = {}) =>
    createGewe({ token, baseURL: `${origin.replace(/\/+$/, '')}/gewe/v2/api`, ...settings }),
  inbound: {
    secrets,
    createWebhook: ({ onMessage, onEvent, client }) =>
      createGeweWebhook({
        ...secrets,
        ...(onMessage ? { onMessage: async (message) => void (await onMessage(message)) } : {}),
        ...(onEvent ? { onEvent: async (event) => void (await onEvent(event)) } : {}),
        ...(client ? { client } : {}),
      }),
    async say(url, text, options = {}) {
      const callback = geweTextCallback(text, {
        appid: target.appId,
        from: target.toWxid,
        wxid: 'wxid_sandbox_self',
      })
      const delivery = await deliverGeweCallback(url, callback, {
        ...secrets,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
      const [attempt] = delivery.attempts
      return { status: typeof attempt?.status === 'number' ? attempt.status : 0 }
    },
  },
}
