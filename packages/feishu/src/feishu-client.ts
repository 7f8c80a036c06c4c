import {
  assertServerSideSecret,
  type CallOptions,
  createHttpClient,
  type HttpClient,
  type SentMessage,
  type TextChannel,
  textChannels,
  validateInput,
} from '@msg/core'
import { createFeishuAuth } from './feishu-auth.js'
import type { FeishuContext } from './feishu-context.js'
import { mention, mentionAll } from './feishu-mention.js'
import { type FeishuSettings, feishuDomains, feishuSettingsSchema } from './feishu-settings.js'
import { type FeishuTarget, sendFeishuText } from './feishu-text-channel.js'
import type { ImMessage } from './im/message.js'
import { type ImMessageCreateRequest, imMessageCreate } from './im/message-create.js'
import { type ImMessageReplyRequest, imMessageReply } from './im/message-reply.js'
import { type MessageSendBody, type MessageSendData, messageSend } from './message/send.js'
import { version } from './version.js'

/**
 * A Feishu / Lark client: the legacy v4 send, im/v1 create and reply, and the shared text channel.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/intro
 */
export interface FeishuClient {
  message: {
    /** `POST /open-apis/message/v4/send/` → `{ message_id }`. Never resent after an ambiguous failure. */
    send(body: MessageSendBody, options?: CallOptions): Promise<MessageSendData>
  }
  im: {
    message: {
      /** `POST /open-apis/im/v1/messages` → the created message. Retried after 5xx and timeouts only under a `uuid`. */
      create(request: ImMessageCreateRequest, options?: CallOptions): Promise<ImMessage>
      /** `POST /open-apis/im/v1/messages/{message_id}/reply` → the reply. Retried after 5xx and timeouts only under a `uuid`. */
      reply(request: ImMessageReplyRequest, options?: CallOptions): Promise<ImMessage>
    }
  }
  /** Sends a text through im/v1 under one uuid reused on every attempt. */
  sendText(target: FeishuTarget, text: string, options?: CallOptions): Promise<SentMessage>
  /** A `TextChannel` bound to `target`. */
  channel(target: FeishuTarget): TextChannel
  /** `<at user_id="…">name</at>` with the id and name escaped. */
  mention: typeof mention
  /** `<at user_id="all"></at>`. */
  mentionAll: typeof mentionAll
}

const dataOf = <Data>(result: Promise<{ data: Data }>) => result.then((value) => value.data)

/**
 * Creates a Feishu / Lark client from one settings object: `{ appId, appSecret }` (the client
 * fetches and caches the tenant access token) or `{ tenantAccessToken }`, plus `domain` or `baseURL`
 * and the transport settings. Refuses `appSecret` in a browser unless `dangerouslyAllowBrowser`.
 * @see README.md#settings
 */
export function createFeishu(settings: FeishuSettings): FeishuClient {
  validateInput(feishuSettingsSchema, settings, { vendor: 'feishu', operation: 'createFeishu' })
  assertServerSideSecret({
    vendor: 'feishu',
    setting: 'appSecret',
    present: settings.appSecret !== undefined,
    dangerouslyAllowBrowser: settings.dangerouslyAllowBrowser,
  })
  const defaultBaseURL = feishuDomains[settings.domain ?? 'feishu']
  const baseURL = (settings.baseURL ?? defaultBaseURL).replace(/\/+$/, '')
  const http: HttpClient = createHttpClient({
    vendor: 'feishu',
    version,
    defaultBaseURL,
    settings,
    secrets: () => (settings.appSecret === undefined ? [] : [settings.appSecret]),
    auth: createFeishuAuth(settings, baseURL, () => http),
  })
  const context: FeishuContext = { http }
  const sendText = (target: FeishuTarget, text: string, options?: CallOptions) =>
    sendFeishuText(context, target, text, options)
  return {
    message: { send: (body, options) => dataOf(messageSend(context, body, options)) },
    im: {
      message: {
        create: (request, options) => dataOf(imMessageCreate(context, request, options)),
        reply: (request, options) => dataOf(imMessageReply(context, request, options)),
      },
    },
    sendText,
    channel: textChannels('feishu', sendText),
    mention,
    mentionAll,
  }
}
