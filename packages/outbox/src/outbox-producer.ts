import { randomUUID } from 'node:crypto'
import { Queue } from 'bullmq'
import { createLedger } from './ledger/ledger.js'
import type { LedgerState } from './ledger/ledger-states.js'
import type { OutboxJobData } from './outbox-job.js'
import { assertMessageId, jobIdOf, type OutboxLocation, outboxKeys } from './outbox-keys.js'
import type { OutboxPayload } from './outbox-payload.js'
import { type OutboxConnection, openConnection } from './redis-connection.js'
import { jobOptions, type RetryOptions } from './retry-options.js'

/**
 * Options of {@link createOutbox}.
 * @see ../README.md#producer
 */
export interface OutboxOptions extends OutboxLocation, RetryOptions {
  connection: OutboxConnection
  /** How long BullMQ keeps finished jobs, in ms. Default 24 h (the ledger keeps the outcome regardless). */
  keepCompletedMs?: number
}

/**
 * One message to enqueue.
 * @see ../README.md#producer
 */
export interface OutboxMessage {
  /** Your id for the message: the same id twice is one message. 1-128 of `A-Z a-z 0-9 _ . -`, not all digits. */
  id: string
  /** The name of a sender in the workers' registry. */
  sender: string
  /** A text, or any payload the sender understands. */
  payload: OutboxPayload | string
}

/**
 * What {@link Outbox.enqueue} did: `duplicate` when the id was known already (nothing new was queued).
 * @see ../README.md#producer
 */
export interface EnqueueResult {
  id: string
  jobId: string
  duplicate: boolean
  state: LedgerState
}

/**
 * The producer side of an outbox.
 * @see ../README.md#producer
 */
export interface Outbox {
  enqueue(message: OutboxMessage): Promise<EnqueueResult>
  /** The underlying BullMQ queue (for `getJobCounts`, dashboards, …). */
  readonly queue: Queue
  close(): Promise<void>
}

/**
 * Creates a producer: `enqueue` writes the message's ledger entry (with its de-duplication key,
 * frozen now) and then adds the BullMQ job under a deterministic id. A repeated id — also after the
 * job was removed, and also after a crash between the two writes — never makes a second message.
 * @see ../README.md#producer
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const keys = outboxKeys(options)
  const owned = openConnection(options.connection)
  const ledger = createLedger(owned.redis, keys)
  const queue = new Queue<OutboxJobData>(keys.queueName, { connection: owned.redis, prefix: keys.prefix })
  // Connection errors surface as failed commands; ioredis reconnects by itself.
  queue.on('error', () => {})
  const defaults = jobOptions(options, options.keepCompletedMs ?? 86_400_000)
  return {
    queue,
    async enqueue(message) {
      assertMessageId(message.id)
      if (typeof message.sender !== 'string' || message.sender === '')
        throw new TypeError('enqueue: sender must be a name')
      const payload: OutboxPayload =
        typeof message.payload === 'string' ? { type: 'text', text: message.payload } : message.payload
      const created = await ledger.create(message.id, message.sender, randomUUID(), 'producer')
      const jobId = jobIdOf(message.id)
      if (created.state === 'queued' || created.state === 'not-sent') {
        // Also on a duplicate: the first producer may have died between the ledger write and this add.
        // BullMQ ignores the add while a job with this id exists.
        const data: OutboxJobData = {
          id: message.id,
          sender: message.sender,
          payload,
          key: created.key,
          enqueuedAt: Date.now(),
        }
        await queue.add('send', data, { ...defaults, jobId })
      }
      return { id: message.id, jobId, duplicate: !created.created, state: created.state }
    },
    async close() {
      await queue.close()
      await owned.close()
    },
  }
}
