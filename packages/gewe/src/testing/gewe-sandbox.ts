import type { SandboxVendor } from '@msg/core/testing'
import { createGewe, type GeweClient } from '../gewe-client.js'
import type { GeweSettings } from '../gewe-settings.js'
import type { GeweTarget } from '../gewe-text-channel.js'
import { createGeweFake } from './gewe-fake.js'

const token = 'sandbox-gewe-token'

/**
 * GeWe for local tools: a fake accepting the sample token, and a client that sends to it. Sends are
 * paced as in production unless `settings` turn `pacing` off.
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
  target: { appId: 'wx_sandbox_device', toWxid: 'wxid_sandbox_friend' },
  basePath: '/gewe/v2/api',
  createFake: () => createGeweFake({ token }),
  createClient: (origin, settings = {}) =>
    createGewe({ token, baseURL: `${origin.replace(/\/+$/, '')}/gewe/v2/api`, ...settings }),
}
