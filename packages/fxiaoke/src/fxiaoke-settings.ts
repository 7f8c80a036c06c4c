import { nonEmptyText, type TokenStore, type TransportSettings } from '@msg/core'
import * as v from 'valibot'

/**
 * The Fxiaoke clouds and their OpenAPI hosts ("open-" plus the tenant's login domain).
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/guide/cloud.html
 */
export const fxiaokeCloudHosts = {
  fxiaoke: 'https://open.fxiaoke.com',
  huawei: 'https://open-hwcloud.fxiaoke.com',
  ali: 'https://open-ale.fxiaoke.com',
  hk: 'https://open-ksc.sharecrm.com',
  frankfurt: 'https://open-hws.fxiaoke.com',
  na: 'https://open-na.sharecrm.com',
} as const

/**
 * The cloud a tenant lives on; picks the default base URL.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/guide/cloud.html
 */
export type FxiaokeCloud = keyof typeof fxiaokeCloudHosts

/**
 * Settings every Fxiaoke client takes, beside its credentials.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export interface FxiaokeCommonSettings extends TransportSettings {
  /** The acting CRM employee, sent as `x-fs-userid` (v2). Required for `message.send` in v2 mode. */
  userId?: string
  /** Default `'fxiaoke'` (`https://open.fxiaoke.com`); `baseURL` overrides it (private clouds, proxies). */
  cloud?: FxiaokeCloud
  /**
   * `'v2'` (default): `authorization`/`x-fs-ea`/`x-fs-userid` headers and `/oauth2.0/token`.
   * `'legacy'`: `corpAccessToken`/`corpId` in the body and `/cgi/corpAccessToken/get/V2`.
   */
  authMode?: 'v2' | 'legacy'
  /** The link title of a `Notice` sent as a composite card (`composite.link.title`). Default `'查看详情'`. */
  noticeLinkTitle?: string
  /** Allow `appSecret` in a browser runtime (it exposes the secret to every visitor). */
  dangerouslyAllowBrowser?: boolean
}

/**
 * App credentials: the client fetches, caches and refreshes the access token itself.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export interface FxiaokeAppCredentials {
  appId: string
  appSecret: string
  /** The tenant's permanent authorization code. */
  permanentCode: string
  /** Keyv-compatible store to share one token between processes (e.g. Redis). Default: memory. */
  tokenStore?: TokenStore
  /** Refresh this long before expiry. Default 550 000 ms: a 7200 s token is refreshed at 6650 s of age. */
  tokenMarginMs?: number
}

/**
 * A pre-issued token (`corpAccessToken` in legacy mode) and its enterprise account (`corpId` in legacy mode).
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export interface FxiaokeAccessTokenCredentials {
  accessToken: string
  ea: string
}

/**
 * Everything `createFxiaoke` takes: credentials, Fxiaoke options and transport settings.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export type FxiaokeSettings = FxiaokeCommonSettings & (FxiaokeAppCredentials | FxiaokeAccessTokenCredentials)

const common = {
  userId: v.optional(nonEmptyText),
  cloud: v.optional(v.picklist(Object.keys(fxiaokeCloudHosts) as FxiaokeCloud[], 'must be a known cloud')),
  authMode: v.optional(v.picklist(['v2', 'legacy'], "must be 'v2' or 'legacy'")),
  baseURL: v.optional(v.pipe(v.string('must be a string'), v.url('must be a URL'))),
  noticeLinkTitle: v.optional(nonEmptyText),
}

/**
 * The valibot schema of the settings: a pre-issued `{ accessToken, ea }` when `accessToken` is present,
 * app credentials `{ appId, appSecret, permanentCode }` otherwise.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export const fxiaokeSettingsSchema = v.pipe(
  v.looseObject({}, 'is required'),
  v.variant(
    'accessToken',
    [
      v.looseObject({ ...common, accessToken: nonEmptyText, ea: nonEmptyText }, 'is required'),
      v.looseObject(
        {
          ...common,
          accessToken: v.optional(v.undefined()),
          appId: nonEmptyText,
          appSecret: nonEmptyText,
          permanentCode: nonEmptyText,
          tokenMarginMs: v.optional(
            v.pipe(v.number('must be a number'), v.minValue(0, 'must not be negative')),
          ),
        },
        'is required',
      ),
    ],
    'must be a non-empty string (a pre-issued token, with ea), or absent (appId, appSecret and permanentCode)',
  ),
)

/** True for settings with a pre-issued `{ accessToken, ea }` (which the schema then requires). */
export function isPreIssued(
  settings: FxiaokeSettings,
): settings is FxiaokeCommonSettings & FxiaokeAccessTokenCredentials {
  return (settings as Partial<FxiaokeAccessTokenCredentials>).accessToken !== undefined
}
