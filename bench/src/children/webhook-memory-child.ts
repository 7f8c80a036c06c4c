import { benchSettings } from '../bench-settings.js'
import { feedAll, ourReceiver, quickMessagePush } from '../targets/webhook-pushes.js'

/**
 * Child process (run with --expose-gc): feeds distinct signed and encrypted message pushes through
 * one webhook with its default in-memory dedupe store, and prints the heap after the warm-up, after
 * the store is full (when the run gets that far) and after the total.
 */
const collect = (globalThis as { gc?: () => void }).gc
if (!collect) throw new Error('usage: node --expose-gc webhook-memory-child.js')

/**
 * The default store keeps at most 100 000 keys (`createMemoryDedupeStore`'s `maxEntries`), and an
 * `im.message.receive_v1` push adds two (`event_id` and `message_id`): past 50 000 events it
 * drops the oldest keys as it adds new ones, so the heap should stop growing there.
 */
const storeFullAfterEvents = 100_000 / 2

let handled = 0
const feed = ourReceiver(() => {
  handled++
})

async function heapUsed(): Promise<number> {
  for (let round = 0; round < 4; round++) {
    collect?.()
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return process.memoryUsage().heapUsed
}

let fed = 0
/** Feeds pushes until `until` have gone through, in slices so that no large array is held. */
async function feedUntil(until: number) {
  while (fed < until) {
    const slice = Math.min(1000, until - fed)
    const pushes = Array.from({ length: slice }, (_, offset) => quickMessagePush(fed + offset))
    await feedAll(feed, pushes, benchSettings.webhookConcurrency)
    fed += slice
  }
}

const { webhookMemoryWarmup: warmup, webhookMemoryTotal: total } = benchSettings
const started = performance.now()
await feedUntil(warmup)
const readings = [{ events: fed, heap: await heapUsed() }]
if (storeFullAfterEvents > warmup && storeFullAfterEvents < total) {
  await feedUntil(storeFullAfterEvents)
  readings.push({ events: fed, heap: await heapUsed() })
}
await feedUntil(total)
readings.push({ events: fed, heap: await heapUsed() })
if (handled !== total) throw new Error(`handled ${handled} of ${total} pushes`)
process.stdout.write(
  `${JSON.stringify({ readings, storeFullAfterEvents, seconds: (performance.now() - started) / 1000 })}\n`,
)
