import { fileURLToPath } from 'node:url'
import { lastJsonLine, runNode } from './child-process.js'

/** Heap readings of one webhook process: after the warm-up, once its dedupe store is full, at the end. */
export interface WebhookMemoryResult {
  readings: Array<{ events: number; heap: number }>
  /** Events after which the default dedupe store holds its maximum of keys. */
  storeFullAfterEvents: number
  seconds: number
}

/** Runs the webhook memory child with --expose-gc. */
export async function measureWebhookMemory(): Promise<WebhookMemoryResult> {
  const child = fileURLToPath(new URL('../children/webhook-memory-child.js', import.meta.url))
  const { stdout } = await runNode(['--expose-gc', child])
  return lastJsonLine<WebhookMemoryResult>(stdout)
}

/** Heap growth per event between two readings, bytes. */
export function bytesPerEvent(from: { events: number; heap: number }, to: { events: number; heap: number }) {
  return (to.heap - from.heap) / (to.events - from.events)
}
