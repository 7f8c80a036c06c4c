import { randomUUID } from 'node:crypto'
import { TimeoutError } from '@msg/core'
import { DelayedError, type Job, UnrecoverableError } from 'bullmq'
import { waitFor } from '../lanes/lanes.js'
import type { OutboxEvent, OutboxJobData, OutboxJobResult } from '../outbox-job.js'
import type { OutboxSender } from '../outbox-sender.js'
import { claimTurn } from './claim-turn.js'
import { handleFailure, OutboxRetryError } from './handle-failure.js'
import type { WorkerContext } from './worker-context.js'

/**
 * Runs one job: consult the ledger, take a turn on the sender's lanes (before the client is called,
 * so no wait counts against the client's own timeout), claim the message, send once, record the
 * outcome. A message already `sent`, `dead` or `unknown` finishes without a send.
 */
export async function processJob(
  context: WorkerContext,
  job: Job<OutboxJobData>,
  token: string | undefined,
): Promise<OutboxJobResult> {
  // A process's first send through a lane goes alone: see WorkerContext.warming.
  const lane = context.senders[job.data.sender]?.lanes[0]?.name ?? job.data.sender
  for (let first = context.warming.get(lane); first; first = context.warming.get(lane)) await first
  if (context.warm.has(lane)) return runJob(context, job, token)
  let done = () => {}
  let called = false
  context.warming.set(lane, new Promise<void>((resolve) => (done = resolve)))
  try {
    return await runJob(context, job, token, () => {
      called = true
    })
  } finally {
    // Warm only once the client was called (it fetched its token, even if its request then missed its
    // send-by time); a job that ended before (already sent, handed back, parked) lets the next be first.
    if (called) context.warm.add(lane)
    context.warming.delete(lane)
    done()
  }
}

/** Reports a step of `job` through the worker's `onEvent`. */
const emitter =
  (context: WorkerContext, job: Job<OutboxJobData>) => (event: Omit<OutboxEvent, 'id' | 'sender'>) =>
    context.emit({ id: job.data.id, sender: job.data.sender, ...event })

async function runJob(
  context: WorkerContext,
  job: Job<OutboxJobData>,
  token: string | undefined,
  onSend?: () => void,
): Promise<OutboxJobResult> {
  const { id } = job.data
  const emit = emitter(context, job)
  const before = await context.ledger.state(id)
  if (before === undefined) throw new UnrecoverableError(`dead: message ${id} has no ledger entry`)
  if (before === 'sent' || before === 'dead' || before === 'unknown') {
    emit({ type: 'skipped', reason: `already ${before}` })
    return { state: before }
  }
  const sender = context.senders[job.data.sender]
  if (!sender) {
    const reason = `no sender named "${job.data.sender}" in worker ${context.workerId}`
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
      await context.ledger.settle(id, context.workerId, reason)
      throw new UnrecoverableError(`dead: ${reason}`)
    }
    throw new Error(reason)
  }
  for (let turns = 0; ; turns++) {
    const owner = `${context.workerId}:${randomUUID()}`
    const turn =
      turns < 5
        ? await context.lanes.acquire(sender.lanes, owner, context.timing, context.stopping)
        : undefined
    if (!turn) return givenUp(context, job, turns)
    if (!turn.granted) {
      emit({ type: 'released', delayMs: turn.retryInMs })
      await job.moveToDelayed(Date.now() + turn.retryInMs, token)
      throw new DelayedError()
    }
    emit({ type: 'lane-wait', delayMs: turn.delayMs, at: turn.at })
    if (turn.delayMs > 0) await waitFor(turn.delayMs, context.stopping)
    if (context.stopping.aborted) {
      await context.lanes.release(sender.lanes, owner, false)
      emit({ type: 'released', delayMs: 0 })
      await job.moveToDelayed(Date.now(), token)
      throw new DelayedError()
    }
    const { claim, sendBy, reason } = await claimTurn(context, id, owner, sender, turn.at)
    if (claim.outcome === 'late') {
      await context.lanes.release(sender.lanes, owner, false)
      emit({ type: 'late', at: turn.at, reason })
      continue
    }
    if (claim.outcome !== 'claimed') {
      await context.lanes.release(sender.lanes, owner, false)
      if (claim.outcome === 'parked') {
        emit({ type: 'parked', reason: claim.reason })
        throw new UnrecoverableError(`delivery unknown: ${claim.reason}`)
      }
      if (claim.outcome === 'missing') throw new UnrecoverableError(`dead: message ${id} has no ledger entry`)
      emit({ type: 'skipped', reason: `already ${claim.outcome}` })
      return { state: claim.outcome }
    }
    emit({ type: 'claimed', attempt: claim.attempts })
    const sent = await sendOnce(context, job, token, sender, owner, claim.key, sendBy, onSend)
    if (sent === 'missed') {
      // The request could not leave by its time (the worker stalled after the claim): nothing went out.
      await context.ledger.unclaim(id, owner, context.workerId, 'missed its send-by time')
      await context.lanes.release(sender.lanes, owner, false)
      emit({ type: 'late', at: turn.at, reason: 'missed its send-by time' })
      continue
    }
    return sent
  }
}

/**
 * Every turn of this run was given up (late, a full window, a missed send-by time): nothing was sent.
 * That spends an attempt, with the outbox's backoff, so a sender that can never make its turns ends
 * `dead` instead of cycling.
 */
async function givenUp(context: WorkerContext, job: Job<OutboxJobData>, turns: number): Promise<never> {
  const emit = emitter(context, job)
  const reason = `gave ${turns} lane turns up in a row (late or past the send-by time), nothing was sent`
  if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
    const state = await context.ledger.settle(job.data.id, context.workerId, `gave up: ${reason}`)
    emit({ type: state === 'unknown' ? 'parked' : 'dead', reason })
    throw new UnrecoverableError(`${state}: ${reason}`)
  }
  emit({ type: 'retry', reason })
  throw new OutboxRetryError(reason)
}

/** One send at a claimed turn: `missed` when its request could not leave by `sendBy`. */
async function sendOnce(
  context: WorkerContext,
  job: Job<OutboxJobData>,
  token: string | undefined,
  sender: OutboxSender,
  owner: string,
  key: string,
  sendBy: number | undefined,
  onSend: (() => void) | undefined,
): Promise<OutboxJobResult | 'missed'> {
  const { id } = job.data
  const emit = emitter(context, job)
  let messageId: string | undefined
  try {
    const sent = await sender.send(job.data.payload, {
      idempotencyKey: key,
      signal: AbortSignal.timeout(context.sendTimeoutMs),
      ...(sendBy === undefined ? {} : { sendBy }),
    })
    messageId = sent.messageId
  } catch (error) {
    onSend?.()
    if (TimeoutError.isInstance(error) && error.sendBy !== undefined && error.delivery === 'not-sent')
      return 'missed'
    await context.lanes.release(sender.lanes, owner, true)
    return handleFailure(context, job, token, sender, owner, error)
  }
  onSend?.()
  await context.lanes.release(sender.lanes, owner, true)
  await context.ledger.finish(id, owner, { to: 'sent', messageId }, context.workerId)
  emit({ type: 'sent', ...(messageId === undefined ? {} : { messageId }) })
  return messageId === undefined ? { state: 'sent' } : { state: 'sent', messageId }
}
