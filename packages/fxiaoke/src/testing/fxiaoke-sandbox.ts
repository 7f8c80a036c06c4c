import type { SandboxVendor } from '@msg/core/testing'
import { createFxiaoke, type FxiaokeClient } from '../fxiaoke-client.js'
import type { FxiaokeSettings } from '../fxiaoke-settings.js'
import type { FxiaokeTarget } from '../fxiaoke-text-channel.js'
import { createFxiaokeFake } from './fxiaoke-fake.js'

const credentials = {
  appId: 'FSAID_sandbox',
  appSecret: 'sandbox-fxiaoke-secret',
  permanentCode: 'sandbox-permanent-code',
  userId: 'FSUID_sandbox_admin',
} as const

/**
 * Fxiaoke for local tools: a fake accepting the sample app credentials, and a v2 client sending to it.
 * @see README.md#testing-kit-msgfxiaoketesting
 */
export const fxiaokeSandbox: SandboxVendor<
  FxiaokeSettings,
  FxiaokeTarget,
  FxiaokeClient,
  typeof credentials
> = {
  vendor: 'fxiaoke',
  credentials,
  target: { toUser: ['FSUID_sandbox_user'] },
  basePath: '',
  createFake: () =>
    createFxiaokeFake({
      appId: credentials.appId,
      appSecret: credentials.appSecret,
      permanentCode: credentials.permanentCode,
    }),
  createClient: (origin, settings = {}) => createFxiaoke({ ...credentials, baseURL: origin, ...settings }),
}
