// One Feishu app lane kept saturated by four worker processes: how much of its configured limit it
// delivers at the fake, with its default guard band, and that no sliding second goes above the limit.
// Its own fleet (redis-server with AOF, the fakes over HTTP on 127.0.0.1, four workers), so the
// measurement starts from idle lanes after a warm-up.
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultGuardMs } from '../src/index.js'
import { type Fleet, startFleet } from './fleet-harness.js'
import { lateTurns, saturation } from './fleet-measures.js'
import { versionsAt, writeReport } from './fleet-report.js'
import { entries as readEntries, waitUntil } from './fleet-workload.js'

const limit = 45
const guardMs = Number(process.env.OUTBOX_SATURATED_GUARD_MS ?? defaultGuardMs)
// At 80 ms the spacing's ceiling is 1000 / ceil(1080 / 45) = 41.7/s, 92.6 % of 45.
const minShare = Number(process.env.OUTBOX_SATURATED_MIN ?? 0.9)
const report: Record<string, unknown> = {}
let versions: Record<string, string> = {}
let fleet: Fleet

beforeAll(async () => {
  fleet = await startFleet('saturated', 300, guardMs)
  versions = await versionsAt(fleet.server.url)
}, 60_000)

afterAll(async () => {
  await fleet?.close()
  writeReport('saturated', report, versions)
})

describe('a saturated Feishu app lane', () => {
  it(`delivers at least ${minShare * 100} % of its limit and never goes above it at the fake`, async () => {
    const { outbox, admin, fakes, plan } = fleet
    // A running fleet is warm: three seconds of the same traffic first (compiled code, open
    // connections, tokens fetched), not measured.
    const warmUp = Array.from({ length: 135 }, (_, index) => ({
      id: `warm-${index}`,
      sender: `burst-${index % 45}`,
    }))
    await Promise.all(warmUp.map((message) => outbox.enqueue({ ...message, payload: message.id })))
    await waitUntil(async () => (await admin.counts()).sent >= warmUp.length, 30_000, 'the warm-up drained')
    const ids = Array.from({ length: 450 }, (_, index) => ({
      id: `burst-${index}`,
      sender: `burst-${index % (plan.burstChats ?? 1)}`,
    }))
    await Promise.all(ids.map((message) => outbox.enqueue({ ...message, payload: message.id })))
    await waitUntil(
      async () => (await admin.counts()).sent >= warmUp.length + ids.length,
      60_000,
      'the saturated lane drained',
    )
    const arrivals = (await fakes.snapshot()).arrivals.filter((arrival) => arrival.text.startsWith('burst-'))
    expect(arrivals).toHaveLength(ids.length)
    const ledger = await readEntries(
      admin,
      ids.map((message) => message.id),
    )
    const measured = saturation(arrivals, ledger, limit, guardMs)
    report.saturated = {
      ...measured,
      lateTurnsGivenUp: lateTurns(fleet.everyWorker.flatMap((worker) => worker.events)),
    }
    writeFileSync(
      new URL('../.cache/outbox-saturated-arrivals.json', import.meta.url),
      JSON.stringify(arrivals),
    )
    expect(measured.maxInAnySecondAtFake).toBeLessThanOrEqual(limit)
    expect(measured.maxPerChatInAnySecondAtFake).toBeLessThanOrEqual(5)
    expect(measured.ofConfiguredLimit).toBeGreaterThanOrEqual(minShare)
  }, 90_000)
})
