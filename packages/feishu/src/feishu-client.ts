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
import type { ImFileCreateData, ImFileCreateRequest } from './im/file-create.js'
import type { ImImageCreateData, ImImageCreateRequest } from './im/image-create.js'
import type { ImMessage } from './im/message.js'
import type { FeishuMessage } from './im/message-content.js'
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
    image: {
      /** `POST /open-apis/im/v1/images` (multipart) → `{ image_key }`. Never resent after an ambiguous failure. */
      create(request: ImImageCreateRequest, options?: CallOptions): Promise<ImImageCreateData>
    }
    file: {
      /** `POST /open-apis/im/v1/files` (multipart) → `{ file_key }`. Never resent after an ambiguous failure. */
      create(request: ImFileCreateRequest, options?: CallOptions): Promise<ImFileCreateData>
    }
  }
  /** Sends a text through im/v1 under one uuid reused on every attempt. */
  sendText(target: FeishuTarget, text: string, options?: CallOptions): Promise<SentMessage>
  /** Sends any im/v1 `msg_type`, `content` as an object, under one uuid reused on every attempt. */
  sendMessage(target: FeishuTarget, message: FeishuMessage, options?: CallOptions): Promise<SentMessage>
  /** A `TextChannel` bound to `target`: a string as a text, a `Notice` as an interactive card. */
  channel(target: FeishuTarget): TextChannel
  /** `<at user_id="…">name</at>` with the id and name escaped. */
  mention: typeof mention
  /** `<at user_id="all"></at>`. */
  mentionAll: typeof mentionAll
}

type Rich = typeof import('./rich.js')
/** The parameters of a rich function after the context the client passes. */
type RichArgs<Name extends keyof Rich> =
  Parameters<Rich[Name]> extends [FeishuContext, ...infer Rest] ? Rest : never

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
    secrets: () => (settings.appSecret ? [settings.appSecret] : []),
    auth: createFeishuAuth(settings, baseURL, () => http),
  })
  const context: FeishuContext = { http }
  // An endpoint function bound to the context, answering with its `data`.
  const dataOf =
    <Args extends unknown[], Data>(
      endpoint: (context: FeishuContext, ...args: Args) => Promise<{ data: Data }>,
    ) =>
    (...args: Args) =>
      endpoint(context, ...args).then((result) => result.data)
  const sendText = (...args: [FeishuTarget, string, CallOptions?]) => sendFeishuText(context, ...args)
  // Rich sends and uploads load their code on first use: a text-only app carries none of it.
  const rich =
    <Name extends keyof Rich>(name: Name) =>
    (...args: RichArgs<Name>): ReturnType<Rich[Name]> =>
      import('./rich.js').then((module) =>
        (module[name] as (context: FeishuContext, ...rest: unknown[]) => unknown)(context, ...args),
      ) as ReturnType<Rich[Name]>
  return {
    message: { send: dataOf(messageSend) },
    im: {
      message: {
        create: dataOf(imMessageCreate),
        reply: dataOf(imMessageReply),
      },
      image: { create: rich('uploadImage') },
      file: { create: rich('uploadFile') },
    },
    sendText,
    sendMessage: rich('sendMessage'),
    channel: textChannels('feishu', sendText, rich('sendNotice')),
    mention,
    mentionAll,
  }
}
