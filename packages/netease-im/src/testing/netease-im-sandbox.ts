import type { SandboxVendor } from '@msg/core/testing'
import { createNeteaseIm, type NeteaseImClient } from '../netease-im-client.js'
import type { NeteaseImSignedSettings } from '../netease-im-settings.js'
import type { NeteaseImTarget } from '../netease-im-text-channel.js'
import { createNeteaseImFake } from './netease-im-fake.js'

const credentials = { appKey: 'sandbox-netease-app-key', appSecret: 'sandbox-netease-secret' } as const

/**
 * NetEase IM for local tools: a fake accepting the sample app key and secret, and a signing client
 * sending to it.
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
  target: { from: 'sandbox_alice', to: 'sandbox_bob', type: 'p2p' },
  basePath: '',
  createFake: () => createNeteaseImFake(credentials),
  createClient: (origin, settings) =>
    createNeteaseIm({
      ...credentials,
      baseURL: `${origin}${neteaseImSandbox.basePath}`,
      ...settings,
    }),
}
