import {
  assertServerSideSecret,
  type CallOptions,
  createHttpClient,
  type SentMessage,
  type TextChannel,
  textChannels,
  validateInput,
} from '@msg/core'
import type { NeteaseImRecallOptions } from './conversations/recall-message.js'
import type {
  NeteaseImBatchMessagesBody,
  NeteaseImBatchSent,
} from './conversations/send-batch-messages-types.js'
import type { NeteaseImSendMessageBody, NeteaseImSentMessage } from './conversations/send-message-types.js'
import { createNeteaseImAuth } from './netease-im-auth.js'
import type { NeteaseImContext } from './netease-im-context.js'
import { type NeteaseImSettings, neteaseImBaseURL, neteaseImSettingsSchema } from './netease-im-settings.js'
import { type NeteaseImTarget, sendNeteaseImText } from './netease-im-text-channel.js'
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
    /**
     * POST /im/v2/conversations/messages: one p2p message from `sender_id` to every `receiver_ids`,
     * in consecutive calls of at most 100; returns every call's `success_list`/`failed_list` and
     * `batches`, or throws `NeteaseImBatchSendError` when a call of several fails.
     */
    sendBatchMessages(body: NeteaseImBatchMessagesBody, options?: CallOptions): Promise<NeteaseImBatchSent>
    /**
     * DELETE /im/v2/conversations/{conversation_id}/messages/{message_server_id}?type=…: recalls
     * (`type` 1 one-way, 2 two-way) or deletes (3) a message by its exact `message_server_id` string.
     */
    recallMessage(
      conversationId: string,
      messageServerId: string,
      recall: NeteaseImRecallOptions,
      options?: CallOptions,
    ): Promise<void>
  }
  /** Sends a text (`message_type: 0`) to a target. */
  sendText(target: NeteaseImTarget, text: string, options?: CallOptions): Promise<SentMessage>
  /** A `TextChannel` to one target, for `withFallback` and `broadcast`. */
  channel(target: NeteaseImTarget): TextChannel
}

type Rich = typeof import('./rich.js')
/** The parameters of a rich function after the context the client passes. */
type RichArgs<Name extends keyof Rich> =
  Parameters<Rich[Name]> extends [NeteaseImContext, ...infer Rest] ? Rest : never

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
      auth: createNeteaseImAuth({ appKey, appSecret, clockOffsetMs }),
    }),
    textLimit: settings.textLimit ?? 5000,
    rateLimitWaitMs: settings.rateLimitWaitMs ?? 60_000,
    clockOffsetMs,
  }
  const sendText = (target: NeteaseImTarget, text: string, options?: CallOptions) =>
    sendNeteaseImText(context, target, text, options)
  // Full sends, batch sends and recalls load their code on first use: a text-only app carries none of it.
  const rich =
    <Name extends keyof Rich>(name: Name) =>
    (...args: RichArgs<Name>): ReturnType<Rich[Name]> =>
      import('./rich.js').then((module) =>
        (module[name] as (context: NeteaseImContext, ...rest: unknown[]) => unknown)(context, ...args),
      ) as ReturnType<Rich[Name]>
  return {
    conversation: {
      sendMessage: rich('sendMessage'),
      sendBatchMessages: rich('sendBatchMessages'),
      recallMessage: rich('recallMessage'),
    },
    sendText,
    channel: textChannels('netease-im', sendText),
  }
}
