import type { JobsOptions } from 'bullmq'

/**
 * Retry settings, fixed into each job when it is enqueued.
 * @see ../README.md#errors-and-retries
 */
export interface RetryOptions {
  /** Attempts per message (rate-limit waits do not count). Default 8. */
  attempts?: number
}

/** The custom BullMQ backoff type the workers implement. */
export const backoffType = 'msg-outbox'

/** BullMQ job options for outbox jobs. Failed jobs stay (they are the dead letters and parked messages). */
export function jobOptions(options: RetryOptions, keepCompletedMs: number): JobsOptions {
  return {
    attempts: options.attempts ?? 8,
    backoff: { type: backoffType },
    removeOnComplete: { age: Math.ceil(keepCompletedMs / 1000) },
    removeOnFail: false,
  }
}

/**
 * Backoff between attempts (rate limits wait for the vendor's `retryAfterMs` instead, outside this):
 * exponential from `baseMs` to `maxMs` with up to 20 % jitter added.
 */
export function backoffDelay(attemptsMade: number, baseMs: number, maxMs: number): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attemptsMade - 1))
  return Math.round(exponential * (1 + Math.random() * 0.2))
}
