import { sleep } from '../runtime/runtime.js'

/**
 * One push as the receiving webhook answered it, or why it did not (no answer in time, no connection).
 * @see @msg/core README.md#inbound-webhooks
 */
export interface PushAttempt {
  status: number | 'network-error' | 'timeout'
  body: string
}

/**
 * How a vendor fake pushes to a webhook: what each attempt sends, which answer counts as delivered,
 * and the vendor's re-push ladder.
 * @see @msg/core README.md#inbound-webhooks
 */
export interface PushWithRetriesOptions {
  /** The request of each attempt: built afresh where the vendor signs every attempt anew. */
  request: () => Promise<{ headers: Record<string, string>; body: string }>
  /** Whether an answer counts as delivered (most vendors: HTTP 200). */
  accepted: (status: number, text: string) => boolean
  /** Re-pushes after a failed attempt. */
  retries: number
  /** The wait before re-push `retry` (1-based), in ms. */
  waitMs: (retry: number) => number
  /** An attempt not answered within this is a failure. */
  timeoutMs: number
  fetch?: typeof fetch
  /** Aborts the whole delivery (rejects with its reason). */
  signal?: AbortSignal
}

/**
 * POSTs to `url` until an answer is accepted or the re-pushes run out, recording every attempt.
 * Each attempt has its own timeout; a network error or a timeout is a failed attempt, an abort of
 * `signal` ends the delivery.
 * @see @msg/core README.md#inbound-webhooks
 */
export async function pushWithRetries(
  url: string,
  options: PushWithRetriesOptions,
): Promise<{ delivered: boolean; attempts: PushAttempt[] }> {
  const attempts: PushAttempt[] = []
  for (let attempt = 0; attempt <= options.retries; attempt += 1) {
    const wait = attempt > 0 ? options.waitMs(attempt) : 0
    if (wait > 0) await sleep(wait, options.signal)
    const { headers, body } = await options.request()
    const timeout = AbortSignal.timeout(options.timeoutMs)
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
    try {
      const response = await (options.fetch ?? globalThis.fetch)(url, {
        method: 'POST',
        headers,
        body,
        signal,
      })
      const text = await response.text()
      attempts.push({ status: response.status, body: text })
      if (options.accepted(response.status, text)) return { delivered: true, attempts }
    } catch (error) {
      if (options.signal?.aborted) throw error
      attempts.push({ status: timeout.aborted ? 'timeout' : 'network-error', body: String(error) })
    }
  }
  return { delivered: false, attempts }
}
