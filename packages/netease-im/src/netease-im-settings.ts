import { nonEmptyText, type TransportSettings } from '@msg/core'
import * as v from 'valibot'

/** Options shared by both ways of creating a client. */
export interface NeteaseImOptions extends TransportSettings {
  /** `'cn'` (default, `open.yunxinapi.com`) or `'sg'` (overseas, `open-sg.yunxinapi.com`). Ignored with `baseURL`. */
  region?: 'cn' | 'sg'
  /** Use the region's backup host (`open-bak` / `open-sg-bak`). Ignored with `baseURL`. */
  backup?: boolean
  /** Longest `message.text` of a text or tip message. Default 5000 (the limit depends on the plan). */
  textLimit?: number
  /** How long to wait before retrying after code 416 (the app is blocked for a minute). Default 60 000 ms. */
  rateLimitWaitMs?: number
  /** Added to this machine's clock for `CurTime` when it cannot be synced. Default 0. */
  clockOffsetMs?: number
  /** Allow `appSecret` in a browser. NetEase forbids it: use a signing proxy instead. */
  dangerouslyAllowBrowser?: boolean
}

/** Signs every request with the app's credentials (server side). */
export interface NeteaseImSignedSettings extends NeteaseImOptions {
  appKey: string
  appSecret: string
}

/** Sends unsigned requests to `baseURL`, a proxy of yours that adds the signature server side. */
export interface NeteaseImProxySettings extends NeteaseImOptions {
  baseURL: string
  /** Sent as the `AppKey` header when given. */
  appKey?: string
  appSecret?: undefined
}

/**
 * Settings of {@link createNeteaseIm}: credentials, NetEase options and transport settings together.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export type NeteaseImSettings = NeteaseImSignedSettings | NeteaseImProxySettings

/** An integer of at least `minimum`: `textLimit`, `rateLimitWaitMs`, and a message's `message_type` and `sub_type`. */
export const integerAtLeast = (minimum: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be an integer'),
    v.minValue(minimum, `must be at least ${minimum}`),
  )

/** The valibot schema the factory checks its settings with. */
export const neteaseImSettingsSchema = v.pipe(
  v.looseObject({
    appKey: v.optional(nonEmptyText),
    appSecret: v.optional(nonEmptyText),
    baseURL: v.optional(v.pipe(v.string('must be a string'), v.url('must be a URL'))),
    region: v.optional(v.picklist(['cn', 'sg'], "must be 'cn' or 'sg'")),
    backup: v.optional(v.boolean('must be a boolean')),
    textLimit: v.optional(integerAtLeast(1)),
    rateLimitWaitMs: v.optional(integerAtLeast(0)),
    clockOffsetMs: v.optional(v.number('must be a number')),
  }),
  v.check(
    (settings) => settings.appSecret === undefined || settings.appKey !== undefined,
    'appKey is required with appSecret',
  ),
  v.check(
    (settings) => settings.appSecret !== undefined || settings.baseURL !== undefined,
    'appSecret is required unless baseURL is a signing proxy',
  ),
)

/**
 * The default base URL of a region: `https://open.yunxinapi.com`, `https://open-bak.yunxinapi.com`,
 * `https://open-sg.yunxinapi.com` or `https://open-sg-bak.yunxinapi.com`.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export function neteaseImBaseURL(region: 'cn' | 'sg' = 'cn', backup = false): string {
  return `https://open${region === 'sg' ? '-sg' : ''}${backup ? '-bak' : ''}.yunxinapi.com`
}
