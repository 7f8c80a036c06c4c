import { randomUUID } from 'node:crypto'
import { DelayedError, type Job, UnrecoverableError } from 'bullmq'
import { waitFor } from '../lanes/lanes.js'
import type { ClaimResult } from '../ledger/ledger.js'
import type { OutboxEvent, OutboxJobData, OutboxJobResult } from '../outbox-job.js'
import { handleFailure } from './handle-failure.js'
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
  const { id } = job.data
  const emit = (event: Omit<OutboxEvent, 'id' | 'sender'>) =>
    context.emit({ id, sender: job.data.sender, ...event })
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
  // A turn that starts late (a busy event loop woke the job after its slot) is given up: sending
  // then could bunch requests at the vendor beyond the lane's guard band.
  const guards = sender.lanes.flatMap((lane) => (lane.kind === 'rate' ? [lane.guardMs ?? 100] : []))
  const lateAfterMs = guards.length === 0 ? undefined : Math.floor(Math.min(...guards) / 3)
  let owner = ''
  let claim: ClaimResult = { outcome: 'late' }
  for (let turns = 0; claim.outcome === 'late'; turns++) {
    owner = `${context.workerId}:${randomUUID()}`
    const turn =
      turns < 5
        ? await context.lanes.acquire(sender.lanes, owner, context.timing, context.stopping)
        : undefined
    if (!turn?.granted) {
      emit({ type: 'released', delayMs: turn?.retryInMs ?? 0 })
      await job.moveToDelayed(Date.now() + (turn?.retryInMs ?? 0), token)
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
    const notAfter = lateAfterMs === undefined ? 0 : turn.at + lateAfterMs
    const claimSentAt = Date.now()
    claim = await context.ledger.claim(id, owner, sender.dedupWindowMs, context.workerId, notAfter)
    // The claim was in time at Redis, but this process may have stalled since (a busy event loop,
    // a descheduled process): the time elapsed here since the claim left, beyond what the turn had
    // left at Redis, would delay the request past the guard band. Undo the claim, nothing was sent.
    // (Measured on this process's clock against a Redis-clock budget: no clock skew enters.)
    if (claim.outcome === 'claimed' && Date.now() - claimSentAt > notAfter - claim.now && notAfter > 0) {
      await context.ledger.unclaim(id, owner, context.workerId, 'late turn given up')
      claim = { outcome: 'late' }
    }
    if (claim.outcome === 'late') {
      await context.lanes.release(sender.lanes, owner, false)
      emit({ type: 'late', at: turn.at })
    }
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
  let messageId: string | undefined
  try {
    const sent = await sender.send(job.data.payload, {
      idempotencyKey: claim.key,
      signal: AbortSignal.timeout(context.sendTimeoutMs),
    })
    messageId = sent.messageId
  } catch (error) {
    await context.lanes.release(sender.lanes, owner, true)
    return handleFailure(context, job, token, sender, owner, error)
  }
  await context.lanes.release(sender.lanes, owner, true)
  await context.ledger.finish(id, owner, { to: 'sent', messageId }, context.workerId)
  emit({ type: 'sent', ...(messageId === undefined ? {} : { messageId }) })
  return messageId === undefined ? { state: 'sent' } : { state: 'sent', messageId }
}
