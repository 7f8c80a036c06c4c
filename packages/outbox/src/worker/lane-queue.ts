import type { OutboxSender } from '../outbox-sender.js'

/**
 * The BullMQ queue a sender's jobs wait in: one per primary lane (the sender's first lane: the GeWe
 * `appId`, the Feishu app, …), so a busy lane only ever holds back its own messages. Lane names may
 * contain `:`; queue names use `.` instead.
 */
export function laneQueueName(queueName: string, sender: OutboxSender): string {
  const primary = sender.lanes[0]?.name ?? sender.vendor
  return `${queueName}.${primary.replaceAll(':', '.')}`
}

/** How many jobs of one lane queue a worker process runs at once: 1 for a serial lane. */
export function laneConcurrency(sender: OutboxSender, concurrency: number): number {
  return sender.lanes[0]?.kind === 'serial' ? 1 : concurrency
}
