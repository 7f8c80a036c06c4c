// processJob over in-memory doubles of the ledger, the lanes and a sender (no Redis, no BullMQ worker):
// a process's first send through a lane goes alone; a claim is taken at its turn within the guard band
// (`notAfter` on the Redis clock, `sendBy` on the local one, short waits for a full rate lane); a send
// refused for its send-by time takes a new turn; a real timeout goes to the failure path.
import { setTimeout as delay } from 'node:timers/promises'
import { TimeoutError } from '@msg/core'
import { UnrecoverableError } from 'bullmq'
import { describe, expect, it } from 'vitest'
import { appLane, type Recorded, setup } from '../../test/process-job-doubles.js'
import { OutboxRetryError } from './handle-failure.js'

const owners = (rec: Recorded) => rec.acquires.map((turn) => turn.owner)

describe('processJob', () => {
  it('does not count a first job that sent nothing: the next first send still goes alone', async () => {
    const { rec, run } = setup({
      lanes: [appLane],
      states: { done: 'sent' },
      behave: (call) => delay(call === 0 ? 50 : 30),
    })
    expect(await run('done')).toEqual({ state: 'sent' })
    expect(rec.log).toEqual([])
    await Promise.all([run('m1'), run('m2'), run('m3')])
    expect(rec.log.slice(0, 4)).toEqual(['acquire', 'send', 'end', 'acquire'])
  })

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

  it('spends an attempt when every turn of a run was given up, and ends dead on the last one', async () => {
    const late = Array.from({ length: 10 }, () => ({ outcome: 'late' as const }))
    const first = setup({ lanes: [appLane], claims: [...late] })
    await expect(first.run()).rejects.toBeInstanceOf(OutboxRetryError)
    expect([first.rec.acquires.length, first.rec.sends.length, first.rec.settles]).toEqual([5, 0, []])
    expect(first.rec.events.at(-1)).toMatchObject({
      type: 'retry',
      reason: expect.stringMatching(/5 lane turns/),
    })
    const last = setup({ lanes: [appLane], claims: [...late], attemptsMade: 2 })
    await expect(last.run()).rejects.toBeInstanceOf(UnrecoverableError)
    expect(last.rec.settles).toEqual([expect.stringMatching(/^gave up: gave 5 lane turns up in a row/)])
    expect(last.rec.events.at(-1)).toMatchObject({ type: 'dead' })
  })
})
