import type { SandboxVendor } from '@msg/core/testing'
import { createNeteaseIm, type NeteaseImClient } from '../netease-im-client.js'
import type { NeteaseImSignedSettings } from '../netease-im-settings.js'
import type { NeteaseImTarget } from '../netease-im-text-channel.js'
import { createNeteaseImWebhook } from '../webhook/netease-im-webhook.js'
import { deliverNeteaseImCopy } from './netease-im-deliver.js'
import { createNeteaseImFake } from './netease-im-fake.js'
import { neteaseImMessageCopy } from './netease-im-sample-copies.js'

const credentials = { appKey: 'sandbox-netease-app-key', appSecret: 'sandbox-netease-secret' } as const
const target = { from: 'sandbox_alice', to: 'sandbox_bob', type: 'p2p' } as const

/**
 * NetEase IM for local tools: a fake accepting the sample app key and secret, a signing client
 * sending to it, and the sample receiver (`to`) writing back to the sample sender: message copies
 * signed with the same app key and secret, as NetEase signs them.
 * @see README.md#testing-msgnetease-imtesting
 */
export const neteaseImSandbox: SandboxVendor<
  NeteaseImSignedSettings,
  NeteaseImTarget,
  NeteaseImClient,
  typeof credentials
> = {
  vendor: 'netease-im',
  credentials,
  target,
  basePath: '',
  createFake: () => createNeteaseImFake(credentials),
  createClient: (origin, settings) =>
    createNeteaseIm({
      ...credentials,
      baseURL: `${origin}${neteaseImSandbox.basePath}`,
      ...settings,
    }),
  inbound: {
    secrets: credentials,
    createWebhook: ({ onMessage, onEvent, client }) =>
      createNeteaseImWebhook({
        ...credentials,
        ...(onMessage ? { onMessage: async (message) => void (await onMessage(message)) } : {}),
        ...(onEvent ? { onEvent: async (event) => void (await onEvent(event)) } : {}),
        ...(client ? { client } : {}),
      }),
    async say(url, text, options = {}) {
      const copy = neteaseImMessageCopy(text, { fromAccount: target.to, to: target.from })
      const delivery = await deliverNeteaseImCopy(url, copy, {
        ...credentials,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
      const [attempt] = delivery.attempts
      return { status: typeof attempt?.status === 'number' ? attempt.status : 0 }
    },
  },
}
