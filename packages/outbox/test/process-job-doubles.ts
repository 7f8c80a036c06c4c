// In-memory doubles of the ledger, the lanes and a sender for processJob's unit tests: every call is
// recorded, in order, and the fake Redis clock runs far ahead of the local one.
import type { SentMessage } from '@msg/core'
import type { Job } from 'bullmq'
import type { LaneLimit } from '../src/lanes/lane-limit.js'
import type { Lanes, LaneTurn } from '../src/lanes/lanes.js'
import type { AttemptEnd, ClaimLane, ClaimResult, Ledger } from '../src/ledger/ledger.js'
import type { LedgerState } from '../src/ledger/ledger-states.js'
import type { OutboxEvent, OutboxJobData } from '../src/outbox-job.js'
import type { OutboxSender, OutboxSendOptions } from '../src/outbox-sender.js'
import { processJob } from '../src/worker/process-job.js'
import type { WorkerContext } from '../src/worker/worker-context.js'

/** The fake Redis clock runs this far ahead of the local one, so a mix-up of the two shows. */
const redisAhead = 1_000_000
export const appLane: LaneLimit = { kind: 'rate', name: 'feishu-app', limit: 50, guardMs: 90 }

export interface Recorded {
  /** In order: `acquire`, `send` (a send started), `end` (a send returned or threw). */
  log: string[]
  acquires: { owner: string; at: number }[]
  releases: [owner: string, afterSend: boolean][]
  claims: { owner: string; notAfter: number; rateLanes: readonly ClaimLane[]; at: number }[]
  unclaims: { owner: string; note: string }[]
  finishes: { owner: string; end: AttemptEnd }[]
  sends: { options: OutboxSendOptions; startedAt: number; endedAt?: number; ok: boolean }[]
  events: OutboxEvent[]
  settles: string[]
}

export interface Setup {
  lanes: LaneLimit[]
  /** Runs inside the n-th send (0-based); throw to fail it. */
  behave?: (call: number, options: OutboxSendOptions) => Promise<void>
  dedupWindowMs?: number
  /** Replies to the first claims, then `claimed`. */
  claims?: ClaimResult[]
  /** Ledger states by message id (default `queued`). */
  states?: Record<string, LedgerState>
  /** The job's attempts made so far, of 3 (default 0). */
  attemptsMade?: number
}

export function setup({
  lanes,
  behave,
  dedupWindowMs = Number.POSITIVE_INFINITY,
  claims = [],
  states = {},
  attemptsMade = 0,
}: Setup) {
  const rec: Recorded = {
    log: [],
    acquires: [],
    releases: [],
    claims: [],
    unclaims: [],
    finishes: [],
    sends: [],
    events: [],
    settles: [],
  }
  let attempts = 0
  const ledger: Ledger = {
    create: async () => Promise.reject(new Error('not used')),
    state: async (id) => states[id] ?? 'queued',
    claim: async (id, owner, _dedup, _by, notAfter = 0, rateLanes = []) => {
      rec.claims.push({ owner, notAfter, rateLanes, at: Date.now() })
      attempts += 1
      return (
        claims.shift() ?? { outcome: 'claimed', key: `key-${id}`, attempts, now: Date.now() + redisAhead }
      )
    },
    unclaim: async (_id, owner, _by, note) => {
      rec.unclaims.push({ owner, note })
      return true
    },
    finish: async (_id, owner, end) => {
      rec.finishes.push({ owner, end })
      return true
    },
    settle: async (_id, _by, note) => {
      rec.settles.push(note)
      return 'dead'
    },
    resolve: async () => ({ ok: false, state: 'queued' }),
  }
  const laneDouble: Lanes = {
    acquire: async (_lanes, owner): Promise<LaneTurn> => {
      const at = Date.now() + redisAhead
      rec.log.push('acquire')
      rec.acquires.push({ owner, at })
      return { granted: true, at, delayMs: 0 }
    },
    release: async (_lanes, owner, afterSend) => void rec.releases.push([owner, afterSend]),
    block: async () => {},
    relog: async () => true,
  }
  const sender: OutboxSender = {
    vendor: 'feishu',
    lanes,
    dedupWindowMs,
    send: async (_payload, options): Promise<SentMessage> => {
      const call = rec.sends.length
      const entry: Recorded['sends'][number] = { options, startedAt: Date.now(), ok: false }
      rec.sends.push(entry)
      rec.log.push('send')
      try {
        await behave?.(call, options)
      } finally {
        entry.endedAt = Date.now()
        rec.log.push('end')
      }
      entry.ok = true
      return { vendor: 'feishu', messageId: `om_${call}`, raw: {} }
    },
  }
  const context: WorkerContext = {
    workerId: 'w1',
    ledger,
    lanes: laneDouble,
    senders: { bot: sender },
    timing: { maxAheadMs: 5_000, maxWaitMs: 3_000, leaseMs: 2_000 },
    sendTimeoutMs: 5_000,
    rateLimitDelayMs: 1_000,
    stopping: new AbortController().signal,
    emit: (event) => void rec.events.push(event),
    warming: new Map(),
    warm: new Set(),
  }
  const job = (id: string) =>
    ({
      data: { id, sender: 'bot', payload: { type: 'text', text: 'hi' }, key: `key-${id}`, enqueuedAt: 0 },
      attemptsMade,
      opts: { attempts: 3 },
      moveToDelayed: async () => Promise.reject(new Error('not expected: moveToDelayed')),
    }) as unknown as Job<OutboxJobData>
  return { rec, run: (id = 'm1') => processJob(context, job(id), 'token') }
}
