import { setMaxListeners } from 'node:events'
import { hostname } from 'node:os'
import { type Job, Queue, Worker } from 'bullmq'
import { assertLaneLimit } from '../lanes/lane-limit.js'
import { createLanes } from '../lanes/lanes.js'
import { createLedger } from '../ledger/ledger.js'
import type { OutboxEvent, OutboxJobData, OutboxJobResult } from '../outbox-job.js'
import { type OutboxLocation, outboxKeys } from '../outbox-keys.js'
import type { OutboxSender } from '../outbox-sender.js'
import { type OutboxConnection, openConnection } from '../redis-connection.js'
import { checkRedis } from '../redis-requirements.js'
import { backoffDelay, backoffType } from '../retry-options.js'
import { forwardJob } from './forward-job.js'
import { laneConcurrency, laneQueueName } from './lane-queue.js'
import { processJob } from './process-job.js'
import type { WorkerContext } from './worker-context.js'

/**
 * Options of {@link createOutboxWorker}.
 * @see ../../README.md#workers
 */
export interface OutboxWorkerOptions extends OutboxLocation {
  connection: OutboxConnection
  /** The senders this worker can send through, by the names producers use. */
  senders: Readonly<Record<string, OutboxSender>>
  /** Jobs this process runs at once per rate-lane queue (serial lanes: always 1). Default 8. */
  concurrency?: number
  /** Ms a send may take before it is aborted. Default 15 000. */
  sendTimeoutMs?: number
  /** BullMQ lock duration, ms: a crashed worker's job runs again after about this plus `stalledIntervalMs`. Default 10 000. */
  lockDurationMs?: number
  /** BullMQ stalled-job check interval, ms. Default 5 000. */
  stalledIntervalMs?: number
  /** How far ahead a lane turn may be reserved (the job sleeps until it). Default 2 000. */
  maxLaneAheadMs?: number
  /** How long a job polls a held serial lane before going back to the queue. Default 2 000. */
  maxLaneWaitMs?: number
  /** Wait after a rate-limit answer that names no time. Default 1 000. */
  rateLimitDelayMs?: number
  /** Backoff between retries: first delay and cap, ms. Default 1 000 and 60 000. */
  backoff?: { baseMs?: number; maxMs?: number }
  /** A name for this worker in the ledger's audit trail. Default `<hostname>:<pid>`. */
  workerId?: string
  /** Called for every step of every job (never throws into the worker). */
  onEvent?: (event: OutboxEvent) => void
  /** Requirement warnings (Redis eviction policy, persistence). Default `console.warn`. */
  warn?: (message: string) => void
}

/**
 * A running worker.
 * @see ../../README.md#workers
 */
export interface OutboxWorker {
  /** The underlying BullMQ workers: the intake queue's first, then one per lane queue. */
  readonly workers: readonly Worker<OutboxJobData, OutboxJobResult>[]
  /** Resolves when the worker is connected and its Redis requirements were checked. */
  ready(): Promise<void>
  /**
   * Stops taking jobs; a job waiting for its lane turn is handed back to the queue unsent, a job
   * inside its send finishes and records the outcome; then the connections close.
   */
  close(): Promise<void>
}

/**
 * Starts a worker with a registry of named senders. It moves each job from the intake queue to the
 * lane queue of its sender (one BullMQ queue per primary lane, so a busy GeWe account never holds up
 * Feishu), and sends from those lane queues.
 * @see ../../README.md#workers
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  for (const sender of Object.values(options.senders)) for (const lane of sender.lanes) assertLaneLimit(lane)
  const keys = outboxKeys(options)
  const owned = openConnection(options.connection)
  const stopping = new AbortController()
  // Every job waiting for its lane listens on this signal: as many as the worker's concurrency.
  setMaxListeners(0, stopping.signal)
  const sendTimeoutMs = options.sendTimeoutMs ?? 15_000
  const workerId = options.workerId ?? `${hostname()}:${process.pid}`
  const onEvent = options.onEvent
  const context: WorkerContext = {
    workerId,
    ledger: createLedger(owned.redis, keys),
    lanes: createLanes(owned.redis, keys),
    senders: options.senders,
    timing: {
      maxAheadMs: options.maxLaneAheadMs ?? 2000,
      maxWaitMs: options.maxLaneWaitMs ?? 2000,
      leaseMs: sendTimeoutMs + 1000,
    },
    sendTimeoutMs,
    rateLimitDelayMs: options.rateLimitDelayMs ?? 1000,
    stopping: stopping.signal,
    warming: new Map(),
    warm: new Set(),
    emit(event) {
      try {
        onEvent?.(event)
      } catch {}
    },
  }
  const baseMs = options.backoff?.baseMs ?? 1000
  const maxMs = options.backoff?.maxMs ?? 60_000
  const common = {
    connection: owned.redis,
    prefix: keys.prefix,
    lockDuration: options.lockDurationMs ?? 10_000,
    stalledInterval: options.stalledIntervalMs ?? 5_000,
    maxStalledCount: 5,
    settings: {
      backoffStrategy: (attemptsMade: number, type?: string) =>
        type === backoffType ? backoffDelay(attemptsMade, baseMs, maxMs) : 0,
    },
  }
  // A job the queue itself gave up on (stalled too often, or never forwarded) did not reach the
  // processor's error handling: settle its ledger entry so it is not left `queued` or `sending`.
  const settleWhenFailed = (job: Job<OutboxJobData> | undefined, error: Error) => {
    if (!job) return
    void job
      .getState()
      .then((state) =>
        state === 'failed'
          ? context.ledger.settle(job.data.id, workerId, error.message.slice(0, 500))
          : undefined,
      )
      .catch(() => {})
  }
  const concurrency = options.concurrency ?? 8
  const laneQueues = new Map<string, Queue<OutboxJobData>>()
  const byName = new Map<string, Queue<OutboxJobData>>()
  const workers: Worker<OutboxJobData, OutboxJobResult>[] = []
  for (const [name, sender] of Object.entries(options.senders)) {
    const queueName = laneQueueName(keys.queueName, sender)
    let queue = byName.get(queueName)
    if (!queue) {
      queue = new Queue<OutboxJobData>(queueName, { connection: owned.redis, prefix: keys.prefix })
      queue.on('error', () => {})
      byName.set(queueName, queue)
      const worker = new Worker<OutboxJobData, OutboxJobResult>(
        queueName,
        (job: Job<OutboxJobData>, token?: string) => processJob(context, job, token),
        { ...common, concurrency: laneConcurrency(sender, concurrency) },
      )
      worker.on('failed', settleWhenFailed)
      workers.push(worker)
    }
    laneQueues.set(name, queue)
  }
  const forward = {
    laneQueues,
    recordQueue: async (id: string, queueName: string) => {
      await owned.redis.hset(keys.ledger(id), 'queue', queueName)
    },
  }
  const intake = new Worker<OutboxJobData, OutboxJobResult>(
    keys.queueName,
    (job: Job<OutboxJobData>) => forwardJob(context, forward, job),
    { ...common, concurrency },
  )
  intake.on('failed', settleWhenFailed)
  workers.unshift(intake)
  for (const worker of workers) worker.on('error', () => {})
  const warn = options.warn ?? ((message: string) => console.warn(`[@msg/outbox] ${message}`))
  const readiness = Promise.all(workers.map((worker) => worker.waitUntilReady()))
    .then(() => owned.redis.sadd(`${keys.base}:queues`, ...byName.keys(), keys.queueName))
    .then(() => checkRedis(owned.redis))
    .then((report) => {
      for (const line of report.warnings) warn(line)
    })
  readiness.catch(() => {})
  return {
    workers,
    ready: () => readiness,
    async close() {
      stopping.abort()
      await Promise.all(workers.map((worker) => worker.close()))
      await Promise.all([...byName.values()].map((queue) => queue.close()))
      await owned.close()
    },
  }
}
