import {
  assertServerSideSecret,
  type CallOptions,
  createHttpClient,
  type SentMessage,
  type TextChannel,
  validateInput,
} from '@msg/core'
import { createAuthorization, type FeishuContext } from './feishu-authorization.js'
import { mention, mentionAll } from './feishu-mention.js'
import { type FeishuSettings, feishuSettingsSchema } from './feishu-settings.js'
import { type FeishuTarget, feishuChannel, sendText } from './feishu-text-channel.js'
import type { ImMessage } from './im/message.js'
import { type ImMessageCreateRequest, imMessageCreate } from './im/message-create.js'
import { type ImMessageReplyRequest, imMessageReply } from './im/message-reply.js'
import { type MessageSendBody, type MessageSendData, messageSend } from './message/send.js'
import { version } from './version.js'

/**
 * A Feishu / Lark client: the seed v4 send, im/v1 create and reply, and the shared text channel.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/intro
 */
export interface FeishuClient {
  message: {
    /** `POST /open-apis/message/v4/send/` → `{ message_id }`. Never resent after an ambiguous failure. */
    send(body: MessageSendBody, options?: CallOptions): Promise<MessageSendData>
  }
  im: {
    message: {
      /** `POST /open-apis/im/v1/messages` → the created message. */
      create(request: ImMessageCreateRequest, options?: CallOptions): Promise<ImMessage>
      /** `POST /open-apis/im/v1/messages/{message_id}/reply` → the reply. */
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

/** Default base URLs of the two brands; paths are identical. */
const domains = { feishu: 'https://open.feishu.cn', lark: 'https://open.larksuite.com' }

/**
 * Creates a Feishu / Lark client from one settings object: `{ appId, appSecret }` (the client
 * fetches and caches the tenant access token) or `{ tenantAccessToken }`, plus `domain` or `baseURL`
 * and the transport settings. Refuses `appSecret` in a browser unless `dangerouslyAllowBrowser`.
 * @see https://open.feishu.cn/document/server-docs/api-call-guide/calling-process/get-access-token
 */
export function createFeishu(settings: FeishuSettings): FeishuClient {
  validateInput(feishuSettingsSchema, settings, { vendor: 'feishu', operation: 'createFeishu' })
  assertServerSideSecret({
    vendor: 'feishu',
    setting: 'appSecret',
    present: settings.appSecret !== undefined,
    dangerouslyAllowBrowser: settings.dangerouslyAllowBrowser,
  })
  const defaultBaseURL = domains[settings.domain ?? 'feishu']
  // Tokens in use (a few a day at most), redacted like the app secret.
  const tokens = new Set<string>()
  const http = createHttpClient({
    vendor: 'feishu',
    version,
    defaultBaseURL,
    settings,
    secrets: () => [settings.appSecret ?? '', ...tokens],
  })
  const baseURL = (settings.baseURL ?? defaultBaseURL).replace(/\/+$/, '')
  const context: FeishuContext = {
    http,
    authorized: createAuthorization(settings, http, baseURL, (token) => tokens.add(token)),
  }
  return {
    message: { send: (body, options) => dataOf(messageSend(context, body, options)) },
    im: {
      message: {
        create: (request, options) => dataOf(imMessageCreate(context, request, options)),
        reply: (request, options) => dataOf(imMessageReply(context, request, options)),
      },
    },
    sendText: (target, text, options) => sendText(context, target, text, options),
    channel: (target) => feishuChannel(context, target),
    mention,
    mentionAll,
  }
}
