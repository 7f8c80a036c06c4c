import type { SandboxVendor } from '@msg/core/testing'
import { createFeishu, type FeishuClient } from '../feishu-client.js'
import type { FeishuAppCredentials, FeishuOptions } from '../feishu-settings.js'
import type { FeishuTarget } from '../feishu-text-channel.js'
import { createFeishuFake } from './feishu-fake.js'

const credentials = { appId: 'cli_sandbox', appSecret: 'sandbox-feishu-secret' }

/**
 * Feishu for local tools: a fake accepting the sample app credentials, and a client that sends to it.
 * `settings` add to or replace the client's settings (transport settings, `hooks`, `tokenStore`).
 * @see README.md#testing-kit-msgfeishutesting
 */
export const feishuSandbox: SandboxVendor<
  FeishuOptions & FeishuAppCredentials,
  Extract<FeishuTarget, { chatId: string }>,
  FeishuClient,
  typeof credentials
> = {
  vendor: 'feishu',
  credentials,
  target: { chatId: 'oc_sandbox_chat' },
  basePath: '',
  createFake: () => createFeishuFake(credentials),
  createClient: (origin, settings = {}) =>
    createFeishu({ ...credentials, baseURL: origin.replace(/\/+$/, ''), ...settings }),
}
