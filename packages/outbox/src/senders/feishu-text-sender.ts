import { defaultGuardMs } from '../lanes/lane-limit.js'
import { payloadText } from '../outbox-payload.js'
import type { OutboxSender, TextClient } from '../outbox-sender.js'

/**
 * Options of {@link feishuTextSender}.
 * @see ../../README.md#senders
 */
export interface FeishuTextSenderOptions {
  /** The app id (or any stable name of the app): names the app lane `feishu:<app>`. */
  app: string
  /** Sends per second for the whole app, across the fleet. Default 45 (Feishu documents 50). */
  appLimit?: number
  /** Sends per second to this chat or user, across the fleet. Default 5 (Feishu's per-chat limit). */
  chatLimit?: number
  /**
   * How long a resend under the same `uuid` is still de-duplicated, from the first attempt.
   * Default 50 minutes: Feishu de-duplicates a uuid for one hour; the rest is margin.
   */
  dedupWindowMs?: number
  /** Lane guard band in ms (see `LaneLimit`). Default {@link defaultGuardMs} (80). */
  guardMs?: number
}

const idFields = ['chatId', 'openId', 'userId', 'unionId', 'email'] as const

/**
 * A sender for a `createFeishu` client and one target: text and notices through `sendText`, with
 * the frozen key as the im/v1 `uuid`; lanes `feishu:<app>` and `feishu:<app>:<chat>`.
 * @see ../../README.md#senders
 */
export function feishuTextSender<Target extends object>(
  client: TextClient<Target>,
  target: Target,
  options: FeishuTextSenderOptions,
): OutboxSender {
  const record = target as Record<string, unknown>
  const field = idFields.find((name) => typeof record[name] === 'string' && record[name] !== '')
  if (!field) throw new TypeError(`feishuTextSender: the target needs one of ${idFields.join(', ')}`)
  const guardMs = options.guardMs ?? defaultGuardMs
  return {
    vendor: 'feishu',
    lanes: [
      { kind: 'rate', name: `feishu:${options.app}`, limit: options.appLimit ?? 45, guardMs },
      {
        kind: 'rate',
        name: `feishu:${options.app}:${String(record[field])}`,
        limit: options.chatLimit ?? 5,
        guardMs,
      },
    ],
    dedupWindowMs: options.dedupWindowMs ?? 50 * 60_000,
    send: (payload, options) => client.sendText(target, payloadText(payload, 'feishu'), options),
  }
}
