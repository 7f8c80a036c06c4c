import { randomUUID } from 'node:crypto'
import { type Job, Queue, QueueEvents } from 'bullmq'
import { createLedger } from '../ledger/ledger.js'
import { type LedgerState, ledgerStates } from '../ledger/ledger-states.js'
import type { OutboxJobData } from '../outbox-job.js'
import { jobIdOf, type OutboxLocation, outboxKeys } from '../outbox-keys.js'
import { type OutboxConnection, openConnection } from '../redis-connection.js'
import { type AuditEntry, type LedgerEntry, toLedgerEntry } from './ledger-entry.js'

/**
 * Options of {@link createOutboxAdmin}.
 * @see ../../README.md#operations
 */
export interface OutboxAdminOptions extends OutboxLocation {
  connection: OutboxConnection
}

/**
 * A live event from the queue, with the ledger's word on the message.
 * @see ../../README.md#operations
 */
export interface OutboxProgress {
  event: 'completed' | 'failed'
  jobId: string
  /** The ledger state after the event (`sent`, `unknown`, `dead`, or `not-sent` before a retry). */
  state: LedgerState | undefined
  reason?: string
}

/**
 * What operators can see and do.
 * @see ../../README.md#operations
 */
export interface OutboxAdmin {
  /** Messages per ledger state. */
  counts(): Promise<Record<LedgerState, number>>
  /** Entries in one state, oldest change first (`unknown`: the parked messages; `dead`: the dead letters). */
  list(state: LedgerState, options?: { limit?: number }): Promise<LedgerEntry[]>
  /** One entry with its audit trail, or `undefined`. */
  get(id: string): Promise<(LedgerEntry & { audit: AuditEntry[] }) | undefined>
  /**
   * Settles a parked message: `sent` (you checked it arrived) or `resend` (you checked it did not,
   * or a dead letter should go again: it is queued under a fresh de-duplication key). Audited with `by`.
   */
  resolve(
    id: string,
    action: 'sent' | 'resend',
    options?: { by?: string; note?: string },
  ): Promise<{ ok: boolean; state: string }>
  /** The BullMQ job of a message (in its lane queue once forwarded, else in the intake queue). */
  job(id: string): Promise<Job<OutboxJobData> | undefined>
  /**
   * Calls `listener` on every completed or failed job of the queues the workers announced (BullMQ
   * QueueEvents over Redis streams); returns a stop function.
   */
  watch(listener: (progress: OutboxProgress) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

/**
 * Opens the operator's view of an outbox.
 * @see ../../README.md#operations
 */
export function createOutboxAdmin(options: OutboxAdminOptions): OutboxAdmin {
  const keys = outboxKeys(options)
  const owned = openConnection(options.connection)
  const redis = owned.redis
  const ledger = createLedger(redis, keys)
  const queue = new Queue<OutboxJobData>(keys.queueName, { connection: redis, prefix: keys.prefix })
  // Connection errors surface as failed commands; ioredis reconnects by itself.
  queue.on('error', () => {})
  const idOf = (jobId: string) => jobId.replace(/^m-/, '')
  // A message's job is in its lane queue once a worker forwarded it, else still in the intake queue.
  const findJob = async (id: string) => {
    const laneQueueName = await redis.hget(keys.ledger(id), 'queue')
    if (laneQueueName) {
      const laneQueue = new Queue<OutboxJobData>(laneQueueName, { connection: redis, prefix: keys.prefix })
      try {
        const job = await laneQueue.getJob(jobIdOf(id))
        if (job) return job
      } finally {
        await laneQueue.close()
      }
    }
    return queue.getJob(jobIdOf(id))
  }
  return {
    async counts() {
      const pipeline = redis.pipeline()
      for (const state of ledgerStates) pipeline.zcard(keys.state(state))
      const replies = (await pipeline.exec()) ?? []
      return Object.fromEntries(
        ledgerStates.map((state, index) => [state, Number(replies[index]?.[1] ?? 0)]),
      ) as Record<LedgerState, number>
    },
    async list(state, listOptions = {}) {
      const ids = await redis.zrange(keys.state(state), 0, (listOptions.limit ?? 100) - 1)
      const pipeline = redis.pipeline()
      for (const id of ids) pipeline.hgetall(keys.ledger(id))
      const replies = (await pipeline.exec()) ?? []
      return replies.map(([, hash]) => toLedgerEntry(hash as Record<string, string>))
    },
    async get(id) {
      const hash = await redis.hgetall(keys.ledger(id))
      if (!hash.state) return undefined
      const audit = (await redis.lrange(keys.audit(id), 0, -1)).map((line) => JSON.parse(line) as AuditEntry)
      return { ...toLedgerEntry(hash), audit }
    },
    async resolve(id, action, resolveOptions = {}) {
      if (action !== 'sent' && action !== 'resend')
        throw new TypeError(`resolve: action must be sent or resend`)
      const result = await ledger.resolve(
        id,
        action,
        resolveOptions.by ?? 'operator',
        resolveOptions.note ?? '',
        randomUUID(),
      )
      if (!result.ok || action !== 'resend') return result
      const job = await findJob(id)
      if (job && (await job.getState()) === 'failed') await job.retry('failed', { resetAttemptsMade: true })
      else if (!job) throw new Error(`resolve: the job of ${id} is gone; enqueue it again with the same id`)
      return result
    },
    job: findJob,
    async watch(listener) {
      const names = await redis.smembers(`${keys.base}:queues`)
      if (!names.includes(keys.queueName)) names.push(keys.queueName)
      const report = async (event: OutboxProgress['event'], jobId: string, reason?: string) => {
        const state = await ledger.state(idOf(jobId))
        listener({ event, jobId, state, ...(reason === undefined ? {} : { reason }) })
      }
      const watchers = names.map((name) => {
        const events = new QueueEvents(name, { connection: { ...redis.options }, prefix: keys.prefix })
        events.on('error', () => {})
        // The intake queue's "completed" only means "forwarded": report its failures alone.
        if (name !== keys.queueName)
          events.on('completed', ({ jobId }) => void report('completed', jobId).catch(() => {}))
        events.on(
          'failed',
          ({ jobId, failedReason }) => void report('failed', jobId, failedReason).catch(() => {}),
        )
        return events
      })
      await Promise.all(watchers.map((events) => events.waitUntilReady()))
      return async () => {
        await Promise.all(watchers.map((events) => events.close()))
      }
    },
    async close() {
      await queue.close()
      await owned.close()
    },
  }
}
