import type { TransportSettings } from '@msg/core'
import * as v from 'valibot'
import { count as milliseconds, webUrl } from './message/message-rules.js'

/** The default base: the paid SaaS with its `/gewe/v2/api` prefix. @see https://doc.geweapi.com/ */
export const defaultBaseURL = 'http://api.geweapi.com/gewe/v2/api'

/** Default ceiling for `content`, in UTF-16 code units (`String.length`). GeWe documents none. */
export const defaultMaxContentLength = 2000

/**
 * Returns the GeWe token for the next request (read before every attempt), e.g. from a vault.
 * @see https://doc.geweapi.com/
 */
export type GeweTokenProvider = () => string | Promise<string>

/**
 * Account-safe pacing: sends for one `appId` go out one at a time, each at least
 * `gapMs + random(0..jitterMs)` after the previous one finished.
 * @see https://doc.geweapi.com/
 */
export interface GewePacingSettings {
  /** Minimum milliseconds between the end of one send and the start of the next. Default 1000. */
  gapMs?: number
  /** Upper bound of the random extra wait added to each gap. Default 1000. */
  jitterMs?: number
  /** Source of randomness in [0, 1) for the jitter. Default `Math.random`. */
  random?: () => number
}

/**
 * Settings of {@link createGewe}: the token, GeWe options and the core transport settings.
 * `baseURL` replaces the whole prefix, e.g. `http://10.0.0.5:2531/v2/api` for self-hosted Gewechat.
 * @see https://doc.geweapi.com/
 */
export interface GeweSettings extends TransportSettings {
  /** The `X-GEWE-TOKEN` (TokenId from the console), or an async provider of it. */
  token: string | GeweTokenProvider
  /** Per-appId send pacing; `false` turns it off. Default `{ gapMs: 1000, jitterMs: 1000 }`. */
  pacing?: GewePacingSettings | false
  /** Longest `content` accepted before sending. Default 2000. */
  maxContentLength?: number
  /** Sent as `proxyIp` on private letters when set (GeWe's documented example carries an empty one). */
  proxyIp?: string
  /**
   * Thumbnail URL (public http(s), GeWe downloads it) of the link card a channel sends for a
   * `Notice` with a `url`. GeWe requires a `thumbUrl` on link cards, so without this setting such
   * a notice goes out as text lines instead.
   */
  noticeThumbUrl?: string
  /** Allow the long-lived token in a browser runtime. Default false. */
  dangerouslyAllowBrowser?: boolean
}

/** The valibot schema {@link createGewe} checks its settings with. */
export const geweSettingsSchema = v.looseObject({
  token: v.union(
    [v.pipe(v.string(), v.nonEmpty('must not be empty')), v.function()],
    'must be a non-empty string or a function',
  ),
  pacing: v.optional(
    v.union(
      [
        v.literal(false),
        v.object({
          gapMs: v.optional(milliseconds),
          jitterMs: v.optional(milliseconds),
          random: v.optional(v.function('must be a function')),
        }),
      ],
      'must be false or { gapMs, jitterMs }',
    ),
  ),
  maxContentLength: v.optional(
    v.pipe(
      v.number('must be a number'),
      v.integer('must be an integer'),
      v.minValue(1, 'must be at least 1'),
    ),
  ),
  proxyIp: v.optional(v.string('must be a string')),
  noticeThumbUrl: v.optional(webUrl),
  baseURL: v.optional(v.pipe(v.string('must be a string'), v.url('must be a URL'))),
})
