import { defaultGuardMs } from '../lanes/lane-limit.js'
import { payloadText } from '../outbox-payload.js'
import type { OutboxSender, TextClient } from '../outbox-sender.js'

/**
 * Options of {@link neteaseImTextSender}.
 * @see ../../README.md#senders
 */
export interface NeteaseImTextSenderOptions {
  /** The app key (or any stable name of the app): names the lane `netease-im:<app>`. */
  app: string
  /** Sends per second for the app, across the fleet. Default 50 (NetEase's limits depend on the plan). */
  limit?: number
  /**
   * How long NetEase still rejects a repeated `message_client_id` (code 107306), from the first attempt.
   * Default `Infinity`. Not verified against the real service: set it to 0 to park interrupted sends instead.
   */
  dedupWindowMs?: number
  /** Lane guard band in ms (see `LaneLimit`). Default {@link defaultGuardMs} (80). */
  guardMs?: number
}

/**
 * A sender for a `createNeteaseIm` client and one conversation: the frozen key is the
 * `message_client_id`, so a resend after a crash is answered 107306 (read as delivered) instead of
 * delivering twice.
 * @see ../../README.md#senders
 */
export function neteaseImTextSender<Target extends object>(
  client: TextClient<Target>,
  target: Target,
  options: NeteaseImTextSenderOptions,
): OutboxSender {
  return {
    vendor: 'netease-im',
    lanes: [
      {
        kind: 'rate',
        name: `netease-im:${options.app}`,
        limit: options.limit ?? 50,
        guardMs: options.guardMs ?? defaultGuardMs,
      },
    ],
    dedupWindowMs: options.dedupWindowMs ?? Number.POSITIVE_INFINITY,
    send: (payload, options) => client.sendText(target, payloadText(payload, 'netease-im'), options),
  }
}
