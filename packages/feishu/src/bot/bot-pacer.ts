import { RateLimitError, sleep } from '@msg/core'

/**
 * Client-side pacing of one bot under the custom bot's limits (5 requests/s and 100/min per bot).
 * `whenFull: 'wait'` (default) holds a send until a slot is free, in call order, for at most
 * `maxWaitMs`; `'fail'` throws a `RateLimitError` at once (nothing sent, `retryAfterMs` set). The
 * limits hold for this process only: bots shared by several processes need a shared limiter.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export interface FeishuBotPacing {
  /** Requests per sliding second. Default 5. */
  perSecond?: number
  /** Requests per sliding minute. Default 100. */
  perMinute?: number
  /** Wait for a free slot (default) or fail fast with a `RateLimitError`. */
  whenFull?: 'wait' | 'fail'
  /** Longest wait for a slot before failing with a `RateLimitError`. Default 60 000 ms. */
  maxWaitMs?: number
}

/**
 * Takes a slot for one request: resolves when it may leave, or throws a `RateLimitError`.
 * @see README.md#custom-bot
 */
export type BotPacer = (operation: string, signal?: AbortSignal) => Promise<void>

/**
 * The clock and timer a pacer runs on (replaceable in tests).
 * @see README.md#custom-bot
 */
export interface PacerClock {
  now: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

const realClock: PacerClock = { now: Date.now, sleep }

/**
 * Creates a pacer: every request reserves the earliest instant at or after the previous reservation
 * at which the last second holds fewer than `perSecond` and the last minute fewer than `perMinute`.
 * A caller that gives up (aborts) frees its reservation.
 * @see README.md#custom-bot
 */
export function createBotPacer(pacing: FeishuBotPacing = {}, clock: PacerClock = realClock): BotPacer {
  const perSecond = pacing.perSecond ?? 5
  const perMinute = pacing.perMinute ?? 100
  const maxWaitMs = pacing.maxWaitMs ?? 60_000
  const failFast = pacing.whenFull === 'fail'
  // Reserved send instants, ascending.
  const slots: number[] = []
  return async (operation, signal) => {
    const now = clock.now()
    while (slots.length > 0 && (slots[0] as number) <= now - 60_000) slots.shift()
    const at = Math.max(
      now,
      slots.at(-1) ?? now,
      (slots.at(-perSecond) ?? Number.NEGATIVE_INFINITY) + 1000,
      (slots.at(-perMinute) ?? Number.NEGATIVE_INFINITY) + 60_000,
    )
    const wait = at - now
    if (wait > 0 && (failFast || wait > maxWaitMs)) {
      throw new RateLimitError({
        vendor: 'feishu',
        message: `${operation}: local pacing (${perSecond}/s, ${perMinute}/min) is full for ${wait} ms; nothing was sent`,
        code: undefined,
        status: 0,
        retryAfterMs: wait,
      })
    }
    slots.push(at)
    if (wait <= 0) return
    try {
      await clock.sleep(wait, signal)
    } catch (error) {
      slots.splice(slots.indexOf(at), 1)
      throw error
    }
  }
}
