import type { Redis } from 'ioredis'
import type { OutboxKeys } from '../outbox-keys.js'
import { redisScript } from '../redis-script.js'
import { type LaneLimit, rateWindowMs } from './lane-limit.js'
import { acquireScript, blockScript, releaseScript, relogScript } from './lane-scripts.js'

const scripts = {
  acquire: redisScript(acquireScript),
  release: redisScript(releaseScript),
  block: redisScript(blockScript),
  relog: redisScript(relogScript),
}

/** Timing knobs for taking a turn on lanes. */
export interface LaneTiming {
  /** The furthest ahead a grant may be reserved (the worker sleeps until it). */
  maxAheadMs: number
  /** How long to poll a held serial lane before giving the job back to the queue. */
  maxWaitMs: number
  /** A serial lane's turn ends by itself this long after its start (a crashed holder). */
  leaseMs: number
}

/** A turn on a send's lanes: granted at `at` (Redis clock), which is `delayMs` from now. */
export type LaneTurn = { granted: true; at: number; delayMs: number } | { granted: false; retryInMs: number }

/** Fleet-wide lanes of one outbox. */
export interface Lanes {
  acquire(
    lanes: readonly LaneLimit[],
    owner: string,
    timing: LaneTiming,
    signal: AbortSignal,
  ): Promise<LaneTurn>
  /**
   * Ends the turn. `afterSend` false (nothing went out) frees serial lanes without a gap and removes
   * the owner's rate-lane grants, so the unused slot is free for the next send.
   */
  release(lanes: readonly LaneLimit[], owner: string, afterSend: boolean): Promise<void>
  block(lanes: readonly LaneLimit[], ms: number): Promise<void>
  /**
   * Moves the owner's claim to now on the send's rate lanes (its request did not leave in time) if
   * they still have room for it; false (entries removed) if not.
   */
  relog(lanes: readonly LaneLimit[], owner: string): Promise<boolean>
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}

function laneArgs(lane: LaneLimit): (string | number)[] {
  if (lane.kind === 'rate') return [lane.name, 'rate', lane.limit, rateWindowMs(lane)]
  return [lane.name, 'serial', lane.gapMs, 0]
}

/** Lanes over one Redis connection. */
export function createLanes(redis: Redis, keys: OutboxKeys): Lanes {
  return {
    async acquire(lanes, owner, timing, signal) {
      const started = Date.now()
      const args = [
        keys.base,
        owner,
        timing.maxAheadMs,
        timing.leaseMs,
        lanes.length,
        ...lanes.flatMap(laneArgs),
      ]
      for (;;) {
        const [granted, value, now, busy] = (await scripts.acquire.run(redis, [], args)) as number[]
        if (granted === 1)
          return { granted: true, at: value ?? 0, delayMs: Math.max(0, (value ?? 0) - (now ?? 0)) }
        const waited = Date.now() - started
        if (busy !== 1 || waited >= timing.maxWaitMs || signal.aborted)
          return {
            granted: false,
            retryInMs: Math.max(50, Math.min(value ?? 0, busy === 1 ? 1000 : Infinity)),
          }
        await sleep(Math.min(50, Math.max(5, value ?? 50)), signal)
      }
    },
    async release(lanes, owner, afterSend) {
      // After a send only serial lanes change (rate grants stay: the request went out at its turn).
      const changed = lanes.flatMap((lane, index) =>
        afterSend && lane.kind === 'rate' ? [] : [{ lane, index }],
      )
      if (changed.length === 0) return
      const gap = (lane: LaneLimit) =>
        lane.kind === 'serial' && afterSend
          ? lane.gapMs + Math.floor(Math.random() * ((lane.jitterMs ?? 0) + 1))
          : 0
      const args = changed.flatMap(({ lane, index }) => [lane.name, lane.kind, index, gap(lane)])
      await scripts.release.run(redis, [], [keys.base, owner, afterSend ? 1 : 0, changed.length, ...args])
    },
    async relog(lanes, owner) {
      const rate = lanes.flatMap((lane, index) =>
        lane.kind === 'rate' ? [lane.name, lane.limit, rateWindowMs(lane), index] : [],
      )
      if (rate.length === 0) return true
      const [moved] = (await scripts.relog.run(
        redis,
        [],
        [keys.base, owner, rate.length / 4, ...rate],
      )) as number[]
      return moved === 1
    },
    async block(lanes, ms) {
      if (lanes.length === 0 || ms <= 0) return
      await scripts.block.run(redis, [], [keys.base, Math.ceil(ms), ...lanes.map((lane) => lane.name)])
    },
  }
}

/** Waits `ms` or until `signal` aborts, whichever comes first (never rejects). */
export const waitFor = sleep
