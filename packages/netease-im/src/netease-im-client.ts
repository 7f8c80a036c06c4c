import {
  assertServerSideSecret,
  type CallOptions,
  createHttpClient,
  type SentMessage,
  type TextChannel,
  validateInput,
} from '@msg/core'
import { type NeteaseImContext, sendConversationMessage } from './conversations/send-message.js'
import type { NeteaseImSendMessageBody, NeteaseImSentMessage } from './conversations/send-message-types.js'
import { type NeteaseImSettings, neteaseImBaseURL, neteaseImSettingsSchema } from './netease-im-settings.js'
import { createSignatureHeaders } from './netease-im-signing.js'
import { type NeteaseImTarget, neteaseImChannel, sendNeteaseImText } from './netease-im-text-channel.js'
import { version } from './version.js'

/**
 * A NetEase Yunxin IM v2 client.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export interface NeteaseImClient {
  conversation: {
    /**
     * POST /im/v2/conversations/{conversation_id}/messages. `conversationId` is
     * `sender_id|conversation_type|receiver_id` (see `conversationId()`); returns `data` with an exact
     * `message_server_id`, or `duplicate: true` when the `message_client_id` was already delivered.
     */
    sendMessage(
      conversationId: string,
      body: NeteaseImSendMessageBody,
      options?: CallOptions,
    ): Promise<NeteaseImSentMessage>
  }
  /** Sends a text (`message_type: 0`) to a target. */
  sendText(target: NeteaseImTarget, text: string, options?: CallOptions): Promise<SentMessage>
  /** A `TextChannel` to one target. */
  channel(target: NeteaseImTarget): TextChannel
}

/**
 * Creates a NetEase IM client. With `appKey` + `appSecret` every attempt is signed (server side only:
 * a browser is refused unless `dangerouslyAllowBrowser`); with only `baseURL`, requests go unsigned
 * to your own proxy, which signs them.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export function createNeteaseIm(settings: NeteaseImSettings): NeteaseImClient {
  validateInput(neteaseImSettingsSchema, settings, { vendor: 'netease-im', operation: 'createNeteaseIm' })
  const { appKey, appSecret, clockOffsetMs = 0 } = settings
  assertServerSideSecret({
    vendor: 'netease-im',
    setting: 'appSecret',
    present: appSecret !== undefined,
    dangerouslyAllowBrowser: settings.dangerouslyAllowBrowser,
  })
  const context: NeteaseImContext = {
    http: createHttpClient({
      vendor: 'netease-im',
      version,
      defaultBaseURL: neteaseImBaseURL(settings.region, settings.backup),
      settings,
      secrets: () => (appSecret === undefined ? [] : [appSecret]),
    }),
    sign: async (): Promise<Record<string, string>> => {
      if (appSecret !== undefined && appKey !== undefined)
        return createSignatureHeaders({ appKey, appSecret, clockOffsetMs })
      return appKey === undefined ? {} : { AppKey: appKey }
    },
    textLimit: settings.textLimit ?? 5000,
    rateLimitWaitMs: settings.rateLimitWaitMs ?? 60_000,
    clockOffsetMs,
  }
  return {
    conversation: {
      sendMessage: async (conversationId, body, options) =>
        (await sendConversationMessage(context, conversationId, body, options)).data,
    },
    sendText: (target, text, options) => sendNeteaseImText(context, target, text, options),
    channel: (target) => neteaseImChannel(context, target),
  }
}
