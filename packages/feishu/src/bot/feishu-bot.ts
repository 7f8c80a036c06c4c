import {
  assertServerSideSecret,
  type CallOptions,
  createHttpClient,
  invalidInput,
  MsgError,
  NetworkError,
  nonEmptyText,
  type RequestAuth,
  redactedMarker,
  type SentMessage,
  type TextChannel,
  textChannels,
  validateInput,
} from '@msg/core'
import * as v from 'valibot'
import { feishuNoticeCard } from '../im/notice-card.js'
import { version } from '../version.js'
import {
  type FeishuBotBody,
  feishuBotBodyBytes,
  feishuBotBodySchema,
  feishuBotMaxBodyBytes,
} from './bot-body.js'
import { readFeishuBotReply } from './bot-envelope.js'
import { createBotPacer } from './bot-pacer.js'
import {
  type FeishuBotSettings,
  feishuBotHookPath,
  feishuBotSettingsSchema,
  parseFeishuBotWebhook,
} from './bot-settings.js'
import { feishuBotSign, feishuBotTimestamp } from './bot-sign.js'

/**
 * A Feishu / Lark custom bot (自定义机器人) bound to one webhook. Its replies carry no message id, so
 * every `SentMessage` has `messageId: undefined`; the bot has no de-duplication key either, so after
 * an ambiguous failure (timeout, reset, 5xx) nothing is resent and the error has `delivery: 'unknown'`.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export interface FeishuBot {
  /** Posts one body in the webhook's own shape (validated, at most 20 KB, signed when there is a secret). */
  send(body: FeishuBotBody, options?: CallOptions): Promise<SentMessage>
  /** Posts `{ msg_type: 'text', content: { text } }`. */
  sendText(text: string, options?: CallOptions): Promise<SentMessage>
  /** A `TextChannel` over this bot: a string as a text, a `Notice` as a card with a link button. */
  channel(): TextChannel
}

const operation = 'bot.send'
const context = { vendor: 'feishu', operation } as const
// Error messages and hooks name the request by this path: the token exists only inside `fetch`.
const describedPath = `${feishuBotHookPath}${redactedMarker}`
const textSchema = v.object({ text: nonEmptyText })

/**
 * Creates a custom bot from its webhook address, plus `secret` when 签名校验 is on, pacing and the
 * transport settings. Refuses to run in a browser (the webhook is a credential) unless
 * `dangerouslyAllowBrowser`.
 * @see README.md#custom-bot
 */
export function createFeishuBot(settings: FeishuBotSettings): FeishuBot {
  validateInput(feishuBotSettingsSchema, settings, { vendor: 'feishu', operation: 'createFeishuBot' })
  assertServerSideSecret({
    vendor: 'feishu',
    setting: settings.secret === undefined ? 'webhook' : 'secret',
    present: true,
    dangerouslyAllowBrowser: settings.dangerouslyAllowBrowser,
  })
  const { origin, token } = parseFeishuBotWebhook(settings.webhook) as { origin: string; token: string }
  const { secret } = settings
  const pace = settings.pacing === false ? undefined : createBotPacer(settings.pacing)
  const hookFetch: typeof globalThis.fetch = (input, init) => {
    const url = String(input)
    const real = url.endsWith(describedPath) ? `${url.slice(0, -redactedMarker.length)}${token}` : url
    return (settings.fetch ?? globalThis.fetch)(real, init)
  }
  const auth: RequestAuth | undefined =
    secret === undefined
      ? undefined
      : {
          // A fresh timestamp and signature for every attempt; the signature is redacted like a token.
          async credentials() {
            const timestamp = feishuBotTimestamp()
            const sign = await feishuBotSign(timestamp, secret)
            return { body: { timestamp, sign }, token: sign }
          },
        }
  const http = createHttpClient({
    vendor: 'feishu',
    version,
    defaultBaseURL: origin,
    settings: { ...settings, fetch: hookFetch },
    secrets: () => (secret === undefined ? [token] : [token, secret]),
    ...(auth ? { auth } : {}),
  })

  async function send(body: FeishuBotBody, options?: CallOptions): Promise<SentMessage> {
    const checked = validateInput(feishuBotBodySchema, body, context) as FeishuBotBody
    const bytes = feishuBotBodyBytes(checked, secret !== undefined)
    if (bytes > feishuBotMaxBodyBytes) {
      throw invalidInput(context, [
        { path: '(body)', message: `must be at most ${feishuBotMaxBodyBytes} bytes of JSON (is ${bytes})` },
      ])
    }
    if (pace) {
      try {
        await pace(operation, options?.signal)
      } catch (error) {
        if (MsgError.isInstance(error)) throw error
        throw new NetworkError({
          vendor: 'feishu',
          message: `${operation}: aborted by the caller while waiting for a pacing slot; nothing was sent`,
          delivery: 'not-sent',
          cause: error,
        })
      }
    }
    return http.send({ operation, path: describedPath, body: checked, read: readFeishuBotReply, options })
  }

  async function sendText(text: string, options?: CallOptions): Promise<SentMessage> {
    validateInput(textSchema, { text }, { vendor: 'feishu', operation: 'bot.sendText' })
    return send({ msg_type: 'text', content: { text } }, options)
  }

  const channel = textChannels<undefined>(
    'feishu',
    (_target, text, options) => sendText(text, options),
    (_target, notice, options) =>
      send({ msg_type: 'interactive', card: feishuNoticeCard(notice, settings.noticeButton) }, options),
  )
  return { send, sendText, channel: () => channel(undefined) }
}
