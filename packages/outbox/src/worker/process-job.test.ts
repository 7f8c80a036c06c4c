// processJob over in-memory doubles of the ledger, the lanes and a sender (no Redis, no BullMQ worker):
// a process's first send through a lane goes alone; a claim is taken at its turn within the guard band
// (`notAfter` on the Redis clock, `sendBy` on the local one, short waits for a full rate lane); a send
// refused for its send-by time takes a new turn; a real timeout goes to the failure path.
import { setTimeout as delay } from 'node:timers/promises'
import { type SentMessage, TimeoutError } from '@msg/core'
import { type Job, UnrecoverableError } from 'bullmq'
import { describe, expect, it } from 'vitest'
import type { LaneLimit } from '../lanes/lane-limit.js'
import type { Lanes, LaneTurn } from '../lanes/lanes.js'
import type { AttemptEnd, ClaimLane, ClaimResult, Ledger } from '../ledger/ledger.js'
import type { OutboxEvent, OutboxJobData } from '../outbox-job.js'
import type { OutboxSender, OutboxSendOptions } from '../outbox-sender.js'
import { OutboxRetryError } from './handle-failure.js'
import { processJob } from './process-job.js'
import type { WorkerContext } from './worker-context.js'

/** The fake Redis clock runs this far ahead of the local one, so a mix-up of the two shows. */
const redisAhead = 1_000_000
const appLane: LaneLimit = { kind: 'rate', name: 'feishu-app', limit: 50, guardMs: 90 }

interface Recorded {
  /** In order: `acquire`, `send` (a send started), `end` (a send returned or threw). */
  log: string[]
  acquires: { owner: string; at: number }[]
  releases: [owner: string, afterSend: boolean][]
  claims: { owner: string; notAfter: number; rateLanes: readonly ClaimLane[]; at: number }[]
  unclaims: { owner: string; note: string }[]
  finishes: { owner: string; end: AttemptEnd }[]
  sends: { options: OutboxSendOptions; startedAt: number; endedAt?: number; ok: boolean }[]
  events: OutboxEvent[]
}

interface Setup {
  lanes: LaneLimit[]
  /** Runs inside the n-th send (0-based); throw to fail it. */
  behave?: (call: number, options: OutboxSendOptions) => Promise<void>
  dedupWindowMs?: number
  /** Replies to the first claims, then `claimed`. */
  claims?: ClaimResult[]
}

function setup({ lanes, behave, dedupWindowMs = Number.POSITIVE_INFINITY, claims = [] }: Setup) {
  const rec: Recorded = {
    log: [],
    acquires: [],
    releases: [],
    claims: [],
    unclaims: [],
    finishes: [],
    sends: [],
    events: [],
  }
  let attempts = 0
  const ledger: Ledger = {
    create: async () => Promise.reject(new Error('not used')),
    state: async () => 'queued',
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
    settle: async () => 'dead',
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
      attemptsMade: 0,
      opts: { attempts: 3 },
      moveToDelayed: async () => Promise.reject(new Error('not expected: moveToDelayed')),
    }) as unknown as Job<OutboxJobData>
  return { rec, run: (id = 'm1') => processJob(context, job(id), 'token') }
}

const owners = (rec: Recorded) => rec.acquires.map((turn) => turn.owner)

describe('processJob', () => {
  it("A process's first send through a lane goes alone; later sends run side by side", async () => {
    const { rec, run } = setup({ lanes: [appLane], behave: (call) => delay(call === 0 ? 50 : 30) })
    const results = await Promise.all([run('m1'), run('m2'), run('m3')])
    expect(results.map((result) => result.state)).toEqual(['sent', 'sent', 'sent'])
    // Jobs 2 and 3 take no turn until the first send has returned...
    expect(rec.log.slice(0, 3)).toEqual(['acquire', 'send', 'end'])
    expect(rec.log.slice(3).filter((entry) => entry === 'acquire')).toHaveLength(2)
    // ...and then do not wait for each other: both sends start before either ends.
    expect(rec.log.slice(3).filter((entry) => entry !== 'acquire')).toEqual(['send', 'send', 'end', 'end'])
    const [first, second, third] = rec.sends
    expect(second!.startedAt).toBeGreaterThanOrEqual(first!.endedAt!)
    expect(third!.startedAt).toBeLessThan(second!.endedAt!)
  })

  it('on a rate lane passes sendBy = the local time just before the claim + guardMs / 3, and the frozen key', async () => {
    const { rec, run } = setup({ lanes: [appLane] })
    await expect(run('m1')).resolves.toEqual({ state: 'sent', messageId: 'om_0' })
    const [claim] = rec.claims
    const [send] = rec.sends
    expect(send!.options.idempotencyKey).toBe('key-m1')
    const sendBy = send!.options.sendBy!
    // The clock is read just before the claim is made: sendBy - 30 is at most the claim's own reading.
    expect(sendBy - 30 - claim!.at).toBeLessThanOrEqual(0)
    expect(sendBy - 30 - claim!.at).toBeGreaterThanOrEqual(-3)
  })

  it('takes a new turn when the send missed its send-by time (nothing left), and sends once', async () => {
    const { rec, run } = setup({
      lanes: [appLane],
      behave: async (call, options) => {
        if (call === 0) throw new TimeoutError({ vendor: 'feishu', message: 'x', sendBy: options.sendBy })
      },
    })
    await expect(run('m1')).resolves.toEqual({ state: 'sent', messageId: 'om_1' })
    const [missed, retaken] = owners(rec)
    expect(retaken).not.toBe(missed)
    expect(rec.claims.map((claim) => claim.owner)).toEqual([missed, retaken])
    expect(rec.unclaims).toEqual([{ owner: missed, note: 'missed its send-by time' }])
    expect(rec.releases).toEqual([
      [missed, false],
      [retaken, true],
    ])
    expect(rec.events.filter((event) => event.type === 'late')).toEqual([
      { id: 'm1', sender: 'bot', type: 'late', at: rec.acquires[0]!.at, reason: 'missed its send-by time' },
    ])
    expect(rec.sends.map((send) => send.ok)).toEqual([false, true])
    expect(rec.finishes).toEqual([{ owner: retaken, end: { to: 'sent', messageId: 'om_1' } }])
  })

  it('waits out a rate lane full for a few ms with the same turn', async () => {
    const { rec, run } = setup({ lanes: [appLane], claims: [{ outcome: 'late', waitMs: 5 }] })
    await expect(run()).resolves.toMatchObject({ state: 'sent' })
    expect(rec.acquires).toHaveLength(1)
    expect(rec.claims.map((claim) => claim.owner)).toEqual([owners(rec)[0], owners(rec)[0]])
    expect(rec.claims[1]!.at - rec.claims[0]!.at).toBeGreaterThanOrEqual(4)
    expect(rec.releases).toEqual([[owners(rec)[0], true]])
    expect(rec.events.some((event) => event.type === 'late')).toBe(false)
  })

  it('gives the turn up when a rate lane is full for longer than sendWithin, and takes a new one', async () => {
    const { rec, run } = setup({ lanes: [appLane], claims: [{ outcome: 'late', waitMs: 500 }] })
    const started = Date.now()
    await expect(run()).resolves.toMatchObject({ state: 'sent' })
    expect(Date.now() - started).toBeLessThan(300) // the 500 ms were not waited for
    const [given, taken] = owners(rec)
    expect(taken).not.toBe(given)
    expect(rec.claims.map((claim) => claim.owner)).toEqual([given, taken])
    expect(rec.releases).toEqual([
      [given, false],
      [taken, true],
    ])
    expect(rec.events.filter((event) => event.type === 'late').map((event) => event.reason)).toEqual([
      'a rate lane is full',
    ])
    expect(rec.finishes.map((finish) => finish.owner)).toEqual([taken])
  })

  it('claims with notAfter = turn.at + the smallest rate-lane guard, and logs the rate lanes by index', async () => {
    const { rec, run } = setup({
      lanes: [
        { kind: 'rate', name: 'app', limit: 50, guardMs: 120 },
        { kind: 'serial', name: 'chat-serial', gapMs: 0 },
        { kind: 'rate', name: 'chat', limit: 5, guardMs: 90 },
      ],
    })
    await run()
    expect(rec.claims[0]!.notAfter).toBe(rec.acquires[0]!.at + 90)
    expect(rec.claims[0]!.rateLanes).toMatchObject([
      { name: 'app', limit: 50, windowMs: 1120, index: 0 },
      { name: 'chat', limit: 5, windowMs: 1090, index: 2 },
    ])
    expect(rec.sends[0]!.options.sendBy).toBeDefined()
  })

  it('claims with notAfter 0 and sends without sendBy on a serial lane only (GeWe-like)', async () => {
    const { rec, run } = setup({
      lanes: [{ kind: 'serial', name: 'gewe-bot', gapMs: 1500 }],
      dedupWindowMs: 0,
    })
    await expect(run()).resolves.toMatchObject({ state: 'sent' })
    expect(rec.claims.map(({ notAfter, rateLanes }) => ({ notAfter, rateLanes }))).toEqual([
      { notAfter: 0, rateLanes: [] },
    ])
    expect('sendBy' in rec.sends[0]!.options).toBe(false)
  })

  it.each([
    {
      dedupWindowMs: 0,
      thrown: UnrecoverableError,
      end: { to: 'unknown', error: expect.stringMatching(/^TimeoutError: /) },
      event: 'parked',
    },
    {
      dedupWindowMs: Number.POSITIVE_INFINITY,
      thrown: OutboxRetryError,
      end: { to: 'not-sent', error: expect.stringMatching(/^TimeoutError: /), mayHaveSent: true },
      event: 'retry',
    },
  ])(
    'treats a TimeoutError without sendBy as delivery unknown, not missed (dedup $dedupWindowMs)',
    async ({ dedupWindowMs, thrown, end, event }) => {
      const { rec, run } = setup({
        lanes: [appLane],
        dedupWindowMs,
        behave: async () => {
          throw new TimeoutError({ vendor: 'feishu', message: 'x', timeoutMs: 10 })
        },
      })
      await expect(run()).rejects.toBeInstanceOf(thrown)
      expect(rec.acquires).toHaveLength(1)
      expect(rec.sends).toHaveLength(1)
      expect(rec.unclaims).toEqual([])
      expect(rec.releases).toEqual([[owners(rec)[0], true]])
      expect(rec.finishes).toEqual([{ owner: owners(rec)[0], end }])
      expect(rec.events.map((emitted) => emitted.type)).toEqual(['lane-wait', 'claimed', event])
    },
  )
})
