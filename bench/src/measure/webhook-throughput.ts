import { benchSettings } from '../bench-settings.js'
import { type Summary, summarize } from '../statistics.js'
import { type Feed, feedAll, larkReceiver, messagePushes, ourReceiver } from '../targets/webhook-pushes.js'

/** Verified-and-decrypted events per second through each receiver, on the same pushes. */
export interface WebhookThroughputResult {
  events: number
  concurrency: number
  ours: Summary
  lark: Summary
}

/**
 * Alternating blocks of the same signed and encrypted pushes through our webhook and through the
 * Lark SDK's EventDispatcher. Each block gets a fresh receiver (so our dedupe store is empty and
 * the same pushes count as new) and must hand every push to its handler exactly once.
 */
export async function measureWebhookThroughput(): Promise<WebhookThroughputResult> {
  const { repetitions, webhookEvents: events, webhookConcurrency: concurrency } = benchSettings
  const pushes = await messagePushes(events)
  const block = async (create: (onMessage: () => void) => Feed) => {
    let handled = 0
    const elapsed = await feedAll(
      create(() => {
        handled++
      }),
      pushes,
      concurrency,
    )
    if (handled !== events) throw new Error(`handled ${handled} of ${events} pushes`)
    return (events / elapsed) * 1000
  }
  // Warm-up: one untimed block each, so both sides run optimised code.
  await block(ourReceiver)
  await block(larkReceiver)
  const samples = { ours: [] as number[], lark: [] as number[] }
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const order = repetition % 2 === 0 ? (['ours', 'lark'] as const) : (['lark', 'ours'] as const)
    for (const which of order) samples[which].push(await block(which === 'ours' ? ourReceiver : larkReceiver))
  }
  return { events, concurrency, ours: summarize(samples.ours), lark: summarize(samples.lark) }
}
