import type { WebhookDispatchSettings } from '@msg/core'
import type { NeteaseImClient } from '../netease-im-client.js'
import type { NeteaseImCopyEvent } from './netease-im-copy-event.js'
import type { NeteaseImInboundMessage } from './netease-im-inbound-message.js'

/**
 * Everything `createNeteaseImWebhook` takes. `appKey` and `appSecret` are the app's App Key and App
 * Secret from the console (the same pair the server API signs with).
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export interface NeteaseImWebhookSettings extends WebhookDispatchSettings {
  /** Compared with the `AppKey` header when a copy carries one. */
  appKey: string
  /** Proves every copy: `CheckSum = sha1(AppSecret + MD5 + CurTime)`. */
  appSecret: string
  /** Every verified copy, in NetEase's field names (the `{}` address check excluded). */
  onEvent?: (event: NeteaseImCopyEvent) => Promise<void> | void
  /** Additionally, for one-to-one and team messages (eventType 1, `PERSON` / `TEAM`): the cross-vendor message. */
  onMessage?: (message: NeteaseImInboundMessage) => Promise<void> | void
  /** The client `reply` sends through, e.g. `createNeteaseIm({ appKey, appSecret })`. */
  client?: Pick<NeteaseImClient, 'channel'>
  /** The accid that answers team messages (one-to-one messages are answered by the account they went to). */
  replyFrom?: string
  /** How long handled copies are remembered, in ms. Default 24 h. */
  dedupeTtlMs?: number
  /**
   * Largest accepted distance between `CurTime` (ms) and now, in ms. Default: no window. NetEase
   * documents none for copies, nor whether a re-sent copy is signed afresh (UNVERIFIED); set one
   * (e.g. 300_000) to refuse replays that de-duplication would not catch.
   */
  curTimeToleranceMs?: number
  /**
   * The HTTP status of a copy whose handler threw. Default 500. NetEase counts 200 **and 500** as
   * delivered and re-sends only "high-guarantee" copies that failed otherwise: answer e.g. 503 to have
   * those re-sent.
   */
  failureStatus?: number
  /** The clock (ms), for tests. */
  now?: () => number
}
