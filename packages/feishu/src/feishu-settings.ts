import { nonEmptyText, type TokenStore, type TransportSettings } from '@msg/core'
import * as v from 'valibot'

/**
 * A self-built app's credentials: the client fetches and caches the tenant access token itself.
 * @see https://open.feishu.cn/document/server-docs/api-call-guide/calling-process/get-access-token
 */
export interface FeishuAppCredentials {
  /** The app id, `cli_…`. */
  appId: string
  /** The app secret. Server-side only. */
  appSecret: string
  /** Keyv-compatible store for sharing the tenant access token between processes. */
  tokenStore?: TokenStore
  /** Refresh the token this long before it expires. Default 3 minutes. */
  tokenMarginMs?: number
  tenantAccessToken?: never
}

/**
 * A tenant access token issued elsewhere: a fixed string, or a function resolving the current one
 * (called before every attempt, and once more after Feishu rejects the token).
 * @see https://open.feishu.cn/document/server-docs/api-call-guide/calling-process/get-access-token
 */
export interface FeishuTokenCredentials {
  tenantAccessToken: string | (() => Promise<string>)
  appId?: never
  appSecret?: never
  tokenStore?: never
  tokenMarginMs?: never
}

/**
 * Options shared by both kinds of credentials.
 * @see README.md#settings
 */
export interface FeishuOptions extends TransportSettings {
  /** `feishu` (open.feishu.cn, default) or `lark` (open.larksuite.com). `baseURL` wins over it. */
  domain?: 'feishu' | 'lark'
  /** Allows `appSecret` in a browser runtime. Prefer a pre-issued token or a proxy `baseURL`. */
  dangerouslyAllowBrowser?: boolean
}

/**
 * Everything `createFeishu` takes: credentials, Feishu options and transport settings.
 * @see README.md#settings
 */
export type FeishuSettings = FeishuOptions & (FeishuAppCredentials | FeishuTokenCredentials)

/** Default base URLs of the two brands; paths are identical. */
export const feishuDomains = { feishu: 'https://open.feishu.cn', lark: 'https://open.larksuite.com' }

/** The schema `createFeishu` checks its settings with. */
export const feishuSettingsSchema = v.pipe(
  v.looseObject({
    appId: v.optional(nonEmptyText),
    appSecret: v.optional(nonEmptyText),
    tenantAccessToken: v.optional(
      v.union([nonEmptyText, v.function()], 'must be a non-empty string or a function'),
    ),
    domain: v.optional(v.picklist(['feishu', 'lark'], "must be 'feishu' or 'lark'")),
    baseURL: v.optional(v.pipe(v.string(), v.url('must be an absolute URL'))),
    tokenMarginMs: v.optional(v.pipe(v.number(), v.minValue(0, 'must not be negative'))),
  }),
  v.check(
    (settings) =>
      settings.tenantAccessToken === undefined
        ? settings.appId !== undefined && settings.appSecret !== undefined
        : settings.appId === undefined && settings.appSecret === undefined,
    'needs either { appId, appSecret } or { tenantAccessToken }',
  ),
)
