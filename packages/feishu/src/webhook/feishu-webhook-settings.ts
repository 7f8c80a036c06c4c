import type { WebhookDispatchSettings } from '@msg/core'
import type { FeishuCardAction, FeishuCardActionResult } from './feishu-card-action.js'
import type { FeishuEvent } from './feishu-event.js'
import type { FeishuInboundMessage, FeishuReplyClient } from './feishu-inbound-message.js'

/**
 * Everything `createFeishuWebhook` takes. The two secrets are the app's "Verification Token" and
 * "Encrypt Key" from the developer console (Events & Callbacks → Encryption Strategy).
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export interface FeishuWebhookSettings extends WebhookDispatchSettings {
  /** Compared (in constant time) with the token of every push: `header.token` (2.0) or `token` (1.0). */
  verificationToken: string
  /**
   * Set it whenever the console has one: pushes are then decrypted, and every push but the
   * `url_verification` challenge must carry a valid `X-Lark-Signature`. Without it the token is the
   * only proof of origin and nothing protects against replays but de-duplication.
   */
  encryptKey?: string
  /** Every verified event except the challenge and card callbacks, in Feishu's field names. */
  onEvent?: (event: FeishuEvent) => Promise<void> | void
  /** Additionally, for `im.message.receive_v1`: the cross-vendor message with `reply`. */
  onMessage?: (message: FeishuInboundMessage) => Promise<void> | void
  /**
   * Card callbacks; the return value is the response body (toast and/or new card), due within 3 s.
   * Feishu never re-sends a callback: a throw (answered 500) or a timeout shows the user an error,
   * so callbacks are not de-duplicated and `respond` does not apply to them. See the callback
   * overview: https://open.feishu.cn/document/event-subscription-guide/callback-subscription/callback-overview
   */
  onCardAction?: (action: FeishuCardAction) => Promise<FeishuCardActionResult> | FeishuCardActionResult
  /** The client `reply` sends through, e.g. `createFeishu({ appId, appSecret })`. */
  client?: FeishuReplyClient
  /** How long handled ids are remembered, in ms. Default 12 h (Feishu re-pushes for about 7 h). */
  dedupeTtlMs?: number
  /**
   * Largest accepted distance between `X-Lark-Request-Timestamp` (Unix seconds) and now, in seconds.
   * Default 300. Feishu documents no window (UNVERIFIED): whether a re-push carries a fresh timestamp
   * is not documented either; raise it (or pass `Infinity`) if re-pushes are refused as stale.
   */
  timestampToleranceSeconds?: number
  /** The clock (ms), for tests. */
  now?: () => number
}
