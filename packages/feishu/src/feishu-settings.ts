import type { TokenStore, TransportSettings } from '@msg/core'
import * as v from 'valibot'
import { requiredText } from './im/message.js'

/**
 * A self-built app's credentials: the client fetches and caches the tenant access token itself.
 * @see https://open.feishu.cn/document/server-docs/api-call-guide/calling-process/get-access-token
 */
export interface FeishuAppCredentials {
  /** The app id, `cli_…`. */
  appId: string
  /** The app secret. Server-side only. */
  appSecret: string
  tenantAccessToken?: never
}

/**
 * A tenant access token issued elsewhere: a fixed string, or a function resolving the current one
 * (called for every request, and once more after the token is rejected).
 * @see https://open.feishu.cn/document/server-docs/api-call-guide/calling-process/get-access-token
 */
export interface FeishuTokenCredentials {
  tenantAccessToken: string | (() => Promise<string>)
  appId?: never
  appSecret?: never
}

/**
 * Options shared by both kinds of credentials.
 * @see https://open.feishu.cn/document/server-docs/api-call-guide/calling-process/get-access-token
 */
export interface FeishuOptions extends TransportSettings {
  /** `feishu` (open.feishu.cn, default) or `lark` (open.larksuite.com). `baseURL` wins over it. */
  domain?: 'feishu' | 'lark'
  /** Allows `appSecret` in a browser runtime. Prefer a pre-issued token or a proxy `baseURL`. */
  dangerouslyAllowBrowser?: boolean
  /** Keyv-compatible store for sharing the tenant access token between processes. */
  tokenStore?: TokenStore
  /** Refresh the token this long before it expires. Default 3 minutes. */
  tokenMarginMs?: number
}

/**
 * Everything `createFeishu` takes: credentials, Feishu options and transport settings.
 * @see https://open.feishu.cn/document/server-docs/api-call-guide/calling-process/get-access-token
 */
export type FeishuSettings = FeishuOptions & (FeishuAppCredentials | FeishuTokenCredentials)

/**
 * The valibot schema `createFeishu` checks its settings with.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export const feishuSettingsSchema = v.pipe(
  v.looseObject({
    appId: v.optional(requiredText),
    appSecret: v.optional(requiredText),
    tenantAccessToken: v.optional(
      v.union([requiredText, v.function()], 'must be a non-empty string or a function'),
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
