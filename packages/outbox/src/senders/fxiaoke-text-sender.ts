import { defaultGuardMs } from '../lanes/lane-limit.js'
import { payloadText } from '../outbox-payload.js'
import type { OutboxSender, TextClient } from '../outbox-sender.js'

/**
 * Options of {@link fxiaokeTextSender}.
 * @see ../../README.md#senders
 */
export interface FxiaokeTextSenderOptions {
  /** The app id (or enterprise account): names the lane `fxiaoke:<app>`. */
  app: string
  /** Sends per second for the app, across the fleet. Default 10. */
  limit?: number
  /** Lane guard band in ms (see `LaneLimit`). Default {@link defaultGuardMs} (80). */
  guardMs?: number
}

/**
 * A sender for a `createFxiaoke` client and up to 500 recipients (one vendor call per message, so a
 * crash parks at most one call's recipients as `unknown`). Fxiaoke has no de-duplication key: an
 * interrupted send is parked, never resent.
 * @see ../../README.md#senders
 */
export function fxiaokeTextSender<Target extends { toUser: readonly string[] }>(
  client: TextClient<Target>,
  target: Target,
  options: FxiaokeTextSenderOptions,
): OutboxSender {
  const recipients = target?.toUser?.length ?? 0
  if (recipients < 1 || recipients > 500)
    throw new TypeError(`fxiaokeTextSender: toUser needs 1 to 500 recipients, got ${recipients}`)
  return {
    vendor: 'fxiaoke',
    lanes: [
      {
        kind: 'rate',
        name: `fxiaoke:${options.app}`,
        limit: options.limit ?? 10,
        guardMs: options.guardMs ?? defaultGuardMs,
      },
    ],
    dedupWindowMs: 0,
    send: (payload, options) => client.sendText(target, payloadText(payload, 'fxiaoke'), options),
  }
}
