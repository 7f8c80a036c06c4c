import type { SentMessage, Vendor } from '@msg/core'
import type { LaneLimit } from './lanes/lane-limit.js'
import type { OutboxPayload } from './outbox-payload.js'

/** What the worker passes to every send: the frozen de-duplication key and a stop signal. */
export interface OutboxSendOptions {
  /** Frozen into the message when it was enqueued and reused by every attempt (Feishu `uuid`, NetEase `message_client_id`). */
  idempotencyKey: string
  /** Aborts when the send runs past the worker's `sendTimeoutMs`. */
  signal: AbortSignal
  /**
   * On rate lanes: the latest time (epoch ms) at which the request may leave, a third of the guard band
   * after the claim. Pass it to the client call (`@msg/core` `CallOptions.sendBy`): a request that
   * could not leave by then is not sent, and the worker takes a new turn instead of sending late.
   */
  sendBy?: number
}

/**
 * A named sender in a worker's registry: a configured vendor client and its target, the lanes each
 * send takes a turn on, and whether the vendor de-duplicates a resend under the same key.
 * @see ../README.md#senders
 */
export interface OutboxSender {
  vendor: Vendor
  /** The lanes every send through this sender occupies (e.g. the Feishu app and the chat). */
  lanes: readonly LaneLimit[]
  /**
   * How long after the first attempt the vendor still de-duplicates a resend under the same key:
   * 0 when it never does (an interrupted send is parked as `unknown`), `Infinity` when always.
   */
  dedupWindowMs: number
  /** Sends once. Throw the `@msg/core` error family; anything else counts as delivery unknown. */
  send(payload: OutboxPayload, options: OutboxSendOptions): Promise<SentMessage>
}

/** A client that has the shared `sendText(target, text, options)`. */
export interface TextClient<Target> {
  sendText(
    target: Target,
    text: string,
    options?: { idempotencyKey?: string; signal?: AbortSignal; sendBy?: number },
  ): Promise<SentMessage>
}
