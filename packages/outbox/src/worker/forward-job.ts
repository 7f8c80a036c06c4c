import type { Job, Queue } from 'bullmq'
import type { OutboxJobData, OutboxJobResult } from '../outbox-job.js'
import type { WorkerContext } from './worker-context.js'

/** What the intake processor needs beyond the shared context. */
export interface ForwardContext {
  /** The lane queue of each sender this worker knows. */
  laneQueues: ReadonlyMap<string, Queue<OutboxJobData>>
  /** Writes the lane queue's name into the message's ledger entry (for `resolve`). */
  recordQueue(id: string, queueName: string): Promise<void>
}

/**
 * Moves a job from the intake queue to its sender's lane queue under the same job id (a repeated
 * forward after a crash is ignored by BullMQ while that job exists; the ledger covers the rest).
 */
export async function forwardJob(
  context: WorkerContext,
  forward: ForwardContext,
  job: Job<OutboxJobData>,
): Promise<OutboxJobResult> {
  const state = await context.ledger.state(job.data.id)
  if (state === 'sent' || state === 'dead' || state === 'unknown') return { state }
  const queue = forward.laneQueues.get(job.data.sender)
  if (!queue) throw new Error(`no sender named "${job.data.sender}" in worker ${context.workerId}`)
  await forward.recordQueue(job.data.id, queue.name)
  await queue.add(job.name, job.data, {
    jobId: job.id ?? '',
    attempts: job.opts.attempts ?? 1,
    ...(job.opts.backoff === undefined ? {} : { backoff: job.opts.backoff }),
    ...(job.opts.removeOnComplete === undefined ? {} : { removeOnComplete: job.opts.removeOnComplete }),
    removeOnFail: false,
  })
  return { state: state ?? 'queued' }
}
