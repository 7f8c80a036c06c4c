import { DelayedError, type Job, UnrecoverableError } from 'bullmq'
import type { OutboxEvent, OutboxJobData } from '../outbox-job.js'
import type { OutboxSender } from '../outbox-sender.js'
import { classifyFailure } from './classify-failure.js'
import type { WorkerContext } from './worker-context.js'

/** An error BullMQ retries with the outbox's exponential backoff. */
export class OutboxRetryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OutboxRetryError'
  }
}

/**
 * Records a failed attempt in the ledger and tells BullMQ what to do next, always by throwing:
 * `DelayedError` (rate limit: no attempt spent), `OutboxRetryError` (backoff), or
 * `UnrecoverableError` (dead, parked `unknown`, or attempts exhausted).
 */
export async function handleFailure(
  context: WorkerContext,
  job: Job<OutboxJobData>,
  token: string | undefined,
  sender: OutboxSender,
  owner: string,
  error: unknown,
): Promise<never> {
  const { id } = job.data
  const emit = (event: Omit<OutboxEvent, 'id' | 'sender'>) =>
    context.emit({ id, sender: job.data.sender, ...event })
  const failure = classifyFailure(error, context.rateLimitDelayMs)
  const by = context.workerId
  if (failure.action === 'dead') {
    await context.ledger.finish(id, owner, { to: 'dead', reason: failure.reason }, by)
    emit({ type: 'dead', reason: failure.reason })
    throw new UnrecoverableError(`dead: ${failure.reason}`)
  }
  if (failure.action === 'rate-limited') {
    await context.ledger.finish(id, owner, { to: 'not-sent', error: failure.reason, mayHaveSent: false }, by)
    await context.lanes.block(sender.lanes, failure.delayMs)
    emit({ type: 'rate-limited', delayMs: failure.delayMs, reason: failure.reason })
    await job.moveToDelayed(Date.now() + failure.delayMs, token)
    throw new DelayedError()
  }
  const resendable = failure.action === 'retry' || sender.dedupWindowMs > 0
  if (!resendable) {
    await context.ledger.finish(id, owner, { to: 'unknown', error: failure.reason }, by)
    emit({ type: 'parked', reason: failure.reason })
    throw new UnrecoverableError(`delivery unknown: ${failure.reason}`)
  }
  const mayHaveSent = failure.action === 'unknown'
  await context.ledger.finish(id, owner, { to: 'not-sent', error: failure.reason, mayHaveSent }, by)
  if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
    const state = await context.ledger.settle(
      id,
      by,
      `gave up after ${job.attemptsMade + 1} attempts: ${failure.reason}`,
    )
    emit({ type: state === 'unknown' ? 'parked' : 'dead', reason: failure.reason })
    throw new UnrecoverableError(
      `${state}: gave up after ${job.attemptsMade + 1} attempts: ${failure.reason}`,
    )
  }
  emit({ type: 'retry', reason: failure.reason })
  throw new OutboxRetryError(failure.reason)
}
