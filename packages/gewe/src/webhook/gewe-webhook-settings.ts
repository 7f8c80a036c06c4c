import type { WebhookDispatchSettings } from '@msg/core'
import type { GeweCallback } from './gewe-callback.js'
import type { GeweInboundMessage, GeweReplyClient } from './gewe-inbound-message.js'
import type { GeweSecretSettings } from './gewe-secret.js'

/**
 * Everything `createGeweWebhook` takes. GeWe signs nothing: `secret` is a shared secret you put into
 * the callback URL (or, with `secretIn: 'header'`, into a header); without it the endpoint is
 * unauthenticated.
 * @see @msg/gewe README.md#receiving-callbacks
 */
export interface GeweWebhookSettings extends GeweSecretSettings, WebhookDispatchSettings {
  /** Every callback but the set-up control packets, in GeWe's field names, ids as exact strings. */
  onEvent?: (event: GeweCallback) => Promise<void> | void
  /**
   * Additionally, for a text message (`AddMsg`, `MsgType` 1) someone else sent: the cross-vendor
   * message with `reply`. Messages the account sent from its phone (`FromUserName` = `Wxid`) are left
   * to `onEvent` unless `includeSelf` is set; sends through the API are not called back at all.
   */
  onMessage?: (message: GeweInboundMessage) => Promise<void> | void
  /** Also hand messages the account itself sent to `onMessage`. Default false. */
  includeSelf?: boolean
  /** The client `reply` sends through, e.g. `createGewe({ token })`. */
  client?: GeweReplyClient
  /** How long handled `Appid:NewMsgId` keys are remembered, in ms. Default 24 h (GeWe documents no retry window). */
  dedupeTtlMs?: number
}
