import type { InboundMessage } from '@msg/core'
import type { SandboxVendor } from '@msg/core/testing'
import { createFxiaoke, type FxiaokeClient } from '../fxiaoke-client.js'
import type { FxiaokeSettings } from '../fxiaoke-settings.js'
import type { FxiaokeTarget } from '../fxiaoke-text-channel.js'
import { createFxiaokeWebhook } from '../webhook/fxiaoke-webhook.js'
import { deliverFxiaokeEvent } from './fxiaoke-deliver.js'
import { createFxiaokeFake } from './fxiaoke-fake.js'
import { fxiaokeMessageEvent } from './fxiaoke-sample-events.js'

const credentials = {
  appId: 'FSAID_sandbox',
  appSecret: 'sandbox-fxiaoke-secret',
  permanentCode: 'sandbox-permanent-code',
  userId: 'FSUID_sandbox_admin',
} as const

const target = { toUser: ['FSUID_sandbox_user'] }
const secrets = {
  token: 'sandbox-fxiaoke-callback-token',
  encodingAesKey: 'c2FuZGJveC1meGlhb2tlLWVuY29kaW5nLWFlcy1rZXk',
}

/**
 * The sandbox's own text push: Fxiaoke documents only `MsgType` of a `Message`, so the sender
 * (`FromUserId`), the text (`Content`) and the id (`MsgId`) are this sandbox's convention, not
 * Fxiaoke's. Its `InboundMessage` replies with a text to `FromUserId` through the client.
 */
function sandboxMessage(
  message: Record<string, unknown>,
  client: FxiaokeClient | undefined,
): InboundMessage | undefined {
  const { MsgType, Content, FromUserId, MsgId } = message
  if (MsgType !== 'text' || typeof Content !== 'string' || typeof FromUserId !== 'string') return undefined
  return {
    vendor: 'fxiaoke',
    messageId: String(MsgId),
    chatId: FromUserId,
    senderId: FromUserId,
    text: Content,
    raw: message,
    reply: (reply, options) => {
      if (!client) throw new TypeError('the sandbox webhook needs a client to reply')
      return client.channel({ toUser: [FromUserId] }).send(reply, options)
    },
  }
}

/**
 * Fxiaoke for local tools: a fake accepting the sample app credentials, a v2 client sending to it,
 * and the sample user writing to the app: `Message` pushes encrypted and signed with the sample
 * callback token and EncodingAESKey (their sender and text fields are the sandbox's convention).
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
  target,
  basePath: '',
  createFake: () =>
    createFxiaokeFake({
      appId: credentials.appId,
      appSecret: credentials.appSecret,
      permanentCode: credentials.permanentCode,
    }),
  createClient: (origin, settings = {}) => createFxiaoke({ ...credentials, baseURL: origin, ...settings }),
  inbound: {
    secrets,
    createWebhook: ({ onMessage, onEvent, client }) =>
      createFxiaokeWebhook({
        ...secrets,
        onEvent: async (event) => {
          await onEvent?.(event)
          const message = event.message && sandboxMessage(event.message, client)
          if (message) await onMessage?.(message)
        },
      }),
    async say(url, text, options = {}) {
      const event = fxiaokeMessageEvent('text', {
        Content: text,
        FromUserId: target.toUser[0],
        MsgId: String(Date.now()),
      })
      const delivery = await deliverFxiaokeEvent(url, event, {
        ...secrets,
        retries: 0,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
      const [attempt] = delivery.attempts
      return { status: typeof attempt?.status === 'number' ? attempt.status : 0 }
    },
  },
}
