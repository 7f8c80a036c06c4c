import type { SandboxVendor } from '@msg/core/testing'
import { createFeishu, type FeishuClient } from '../feishu-client.js'
import type { FeishuAppCredentials, FeishuOptions } from '../feishu-settings.js'
import type { FeishuTarget } from '../feishu-text-channel.js'
import { createFeishuWebhook } from '../webhook/feishu-webhook.js'
import { deliverFeishuEvent } from './feishu-deliver.js'
import { createFeishuFake } from './feishu-fake.js'
import { feishuTextMessageEvent } from './feishu-sample-events.js'

const credentials = { appId: 'cli_sandbox', appSecret: 'sandbox-feishu-secret' }
const secrets = { verificationToken: 'sandbox-verification-token', encryptKey: 'sandbox-encrypt-key' }
const target = { chatId: 'oc_sandbox_chat' }

/**
 * Feishu for local tools: a fake accepting the sample app credentials, a client that sends to it, and
 * a sample user in the sample chat whose messages arrive signed and encrypted with the sample secrets.
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
  target,
  basePath: '',
  createFake: () => createFeishuFake(credentials),
  createClient: (origin, settings = {}) =>
    createFeishu({ ...credentials, baseURL: origin.replace(/\/+$/, ''), ...settings }),
  inbound: {
    secrets,
    createWebhook: ({ onMessage, onEvent, client }) =>
      createFeishuWebhook({
        ...secrets,
        ...(onMessage ? { onMessage: async (message) => void (await onMessage(message)) } : {}),
        ...(onEvent ? { onEvent: async (event) => void (await onEvent(event)) } : {}),
        ...(client ? { client } : {}),
      }),
    async say(url, text, options = {}) {
      const delivery = await deliverFeishuEvent(url, feishuTextMessageEvent(text, target), {
        ...secrets,
        retries: 0,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
      const [attempt] = delivery.attempts
      return { status: typeof attempt?.status === 'number' ? attempt.status : 0 }
    },
  },
}
