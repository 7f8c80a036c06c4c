import { defaultGuardMs, rateWindowMs } from '../lanes/lane-limit.js'
import { waitFor } from '../lanes/lanes.js'
import type { ClaimLane, ClaimResult } from '../ledger/ledger.js'
import type { OutboxSender } from '../outbox-sender.js'
import type { WorkerContext } from './worker-context.js'

/** A claim taken at a lane turn: what the ledger said, and by when the request must leave. */
export interface TakenTurn {
  claim: ClaimResult
  /** Local clock: the request leaves by then or not at all (rate lanes only). */
  sendBy?: number
  /** Why the turn was given up (on `late`). */
  reason: string
}

/**
 * The sender's rate lanes as the claim logs them, and the time a request may take from its claim
 * to leaving: a third of the smallest guard band. The other two thirds absorb what the worker does
 * not control: the way to the vendor and the vendor's own clock.
 */
export function claimLanes(sender: OutboxSender): {
  lanes: ClaimLane[]
  sendWithinMs?: number
  guardMs?: number
} {
  const lanes: (ClaimLane & { guardMs: number })[] = sender.lanes.flatMap((lane, index) =>
    lane.kind === 'rate'
      ? [
          {
            name: lane.name,
            limit: lane.limit,
            windowMs: rateWindowMs(lane),
            index,
            guardMs: lane.guardMs ?? defaultGuardMs,
          },
        ]
      : [],
  )
  if (lanes.length === 0) return { lanes }
  const guardMs = Math.min(...lanes.map((lane) => lane.guardMs))
  return { lanes, sendWithinMs: Math.floor(guardMs / 3), guardMs }
}

/**
 * Claims the message at its turn. Rate lanes log every claim (at most `limit` per perMs + guardMs,
 * however late a turn is taken), so the guard band only has to absorb the delay from the claim to
 * the vendor: the request must leave within `sendWithinMs` of the claim. A lane full for at most
 * `sendWithinMs` more is waited for (twice at most). A claim whose round trip
 * took longer (a stalled worker, or a claim re-sent by the Redis client after a lost reply) moves to
 * now where the lanes still have room for it, or is undone: the turn is given up, nothing was sent.
 */
export async function claimTurn(
  context: WorkerContext,
  id: string,
  owner: string,
  sender: OutboxSender,
  turnAt: number,
): Promise<TakenTurn> {
  const { lanes, sendWithinMs, guardMs } = claimLanes(sender)
  // A turn claimed more than a guard band after it started (the worker or Redis was away) is given
  // up for a fresh one: late turns claimed together would leave as a burst.
  const notAfter = guardMs === undefined ? 0 : turnAt + guardMs
  const take = () => context.ledger.claim(id, owner, sender.dedupWindowMs, context.workerId, notAfter, lanes)
  let checkedAt = Date.now()
  let claim = await take()
  // A lane whose window is full for a few ms more (turns are spaced exactly, claims are not): wait
  // for the room rather than give the turn up, which would leave its slot unused.
  for (let tries = 0; claim.outcome === 'late' && tries < 2; tries++) {
    const waitMs = claim.waitMs ?? Number.POSITIVE_INFINITY
    if (sendWithinMs === undefined || waitMs > sendWithinMs || context.stopping.aborted) break
    await waitFor(waitMs, context.stopping)
    checkedAt = Date.now()
    claim = await take()
  }
  if (claim.outcome !== 'claimed' || sendWithinMs === undefined)
    return {
      claim,
      reason:
        claim.outcome === 'late' && claim.waitMs === undefined ? 'past its turn' : 'a rate lane is full',
    }
  let stalledMs = Date.now() - checkedAt
  if (stalledMs > sendWithinMs) {
    checkedAt = Date.now()
    const moved = await context.lanes.relog(sender.lanes, owner)
    stalledMs = Date.now() - checkedAt
    if (!moved || stalledMs > sendWithinMs) {
      await context.ledger.unclaim(id, owner, context.workerId, 'late turn given up')
      return {
        claim: { outcome: 'late' },
        reason: moved ? `${stalledMs} ms from claim to send` : 'stalled, and a rate lane is full',
      }
    }
  }
  return { claim, sendBy: checkedAt + sendWithinMs, reason: '' }
}
