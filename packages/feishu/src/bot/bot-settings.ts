import { nonEmptyText, type TransportSettings } from '@msg/core'
import * as v from 'valibot'
import type { FeishuBotPacing } from './bot-pacer.js'

/**
 * Everything `createFeishuBot` takes: the webhook address, the signing secret when the bot has
 * 签名校验 on, pacing, and the transport settings. `baseURL` replaces the webhook's origin (a proxy, or
 * a local fake in tests); the path `/open-apis/bot/v2/hook/<token>` is kept.
 * @see README.md#custom-bot
 */
export interface FeishuBotSettings extends TransportSettings {
  /**
   * The address from the bot's settings, `https://open.feishu.cn/open-apis/bot/v2/hook/<token>` (or
   * `open.larksuite.com`). The token in it is a secret: it is redacted from errors, hooks and logs.
   */
  webhook: string
  /** The signing secret (签名校验). With it every request carries `timestamp` and `sign`. */
  secret?: string
  /** Client-side pacing under 5/s and 100/min (default on, waiting); `false` turns it off. */
  pacing?: FeishuBotPacing | false
  /** The label of a notice card's link button. Default `Open`. */
  noticeButton?: string
  /** Allows the webhook and secret in a browser runtime, where every visitor could read them. */
  dangerouslyAllowBrowser?: boolean
}

/**
 * The hosts a custom-bot webhook lives on (Feishu, Lark).
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export const feishuBotHosts = ['open.feishu.cn', 'open.larksuite.com']

/**
 * The path of a custom-bot webhook; the token is the last segment.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export const feishuBotHookPath = '/open-apis/bot/v2/hook/'

const hookToken = /^[A-Za-z0-9_-]{8,}$/

/**
 * The webhook split into its origin and its token, or `undefined` when it is not a custom-bot webhook.
 * @see README.md#custom-bot
 */
export function parseFeishuBotWebhook(webhook: string): { origin: string; token: string } | undefined {
  let url: URL
  try {
    url = new URL(webhook)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' || !feishuBotHosts.includes(url.hostname) || url.port !== '') return undefined
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return undefined
  if (!url.pathname.startsWith(feishuBotHookPath)) return undefined
  const token = url.pathname.slice(feishuBotHookPath.length)
  return hookToken.test(token) ? { origin: url.origin, token } : undefined
}

const pacingSchema = v.union(
  [
    v.literal(false),
    v.looseObject({
      perSecond: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1'))),
      perMinute: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1'))),
      whenFull: v.optional(v.picklist(['wait', 'fail'], "must be 'wait' or 'fail'")),
      maxWaitMs: v.optional(v.pipe(v.number(), v.minValue(0, 'must not be negative'))),
    }),
  ],
  'must be false or { perSecond?, perMinute?, whenFull?, maxWaitMs? }',
)

/**
 * The schema `createFeishuBot` checks its settings with.
 * @see README.md#custom-bot
 */
export const feishuBotSettingsSchema = v.looseObject({
  webhook: v.pipe(
    v.string('must be a string'),
    v.check(
      (webhook) => parseFeishuBotWebhook(webhook) !== undefined,
      'must be https://open.feishu.cn/open-apis/bot/v2/hook/<token> or the same on open.larksuite.com',
    ),
  ),
  secret: v.optional(v.pipe(nonEmptyText, v.minLength(4, 'must be at least 4 characters'))),
  pacing: v.optional(pacingSchema),
  noticeButton: v.optional(nonEmptyText),
  baseURL: v.optional(v.pipe(v.string(), v.url('must be an absolute URL'))),
})
