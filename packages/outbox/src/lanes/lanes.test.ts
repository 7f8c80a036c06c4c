import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RedisServer, startRedisServer } from '../../../token-store-redis/test/redis-server.js'
import { outboxKeys } from '../outbox-keys.js'
import type { LaneLimit } from './lane-limit.js'
import { createLanes } from './lanes.js'

let server: RedisServer
let redis: Redis
const keys = outboxKeys({ queueName: 'lanes-test' })
const timing = { maxAheadMs: 5_000, maxWaitMs: 3_000, leaseMs: 2_000 }
const never = new AbortController().signal

beforeAll(async () => {
  server = await startRedisServer()
  redis = new Redis(server.url, { maxRetriesPerRequest: null })
})
afterAll(async () => {
  redis.disconnect()
  await server.stop()
})

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}

describe('rate lanes', () => {
  it('spaces turns (perMs + guardMs) / limit apart, reserved ahead: at most `limit` in any window', async () => {
    const lanes = createLanes(redis, keys)
    const lane: LaneLimit = { kind: 'rate', name: 'r1', limit: 5, perMs: 1000, guardMs: 100 }
    const turns = await Promise.all(
      Array.from({ length: 17 }, (_, index) => lanes.acquire([lane], `o${index}`, timing, never)),
    )
    const times = turns.map((turn) => (turn.granted ? turn.at : Number.NaN))
    expect(times.every(Number.isFinite)).toBe(true)
    expect(maxInWindow(times, 1100)).toBe(5)
    const sorted = [...times].sort((a, b) => a - b)
    for (let index = 1; index < sorted.length; index++)
      expect((sorted[index] ?? 0) - (sorted[index - 1] ?? 0)).toBeGreaterThanOrEqual(220)
  })

  it('keeps every lane of a send within its limit (app and chat)', async () => {
    const lanes = createLanes(redis, keys)
    const app: LaneLimit = { kind: 'rate', name: 'app', limit: 8, guardMs: 0 }
    const chatA: LaneLimit = { kind: 'rate', name: 'app:a', limit: 3, guardMs: 0 }
    const chatB: LaneLimit = { kind: 'rate', name: 'app:b', limit: 3, guardMs: 0 }
    const plan = Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? chatA : chatB))
    const turns = await Promise.all(
      plan.map((chat, index) => lanes.acquire([app, chat], `p${index}`, timing, never)),
    )
    const at = (chat: LaneLimit) =>
      turns.flatMap((turn, index) => (turn.granted && plan[index] === chat ? [turn.at] : []))
    expect(maxInWindow(at(chatA), 1000)).toBeLessThanOrEqual(3)
    expect(maxInWindow(at(chatB), 1000)).toBeLessThanOrEqual(3)
    expect(maxInWindow([...at(chatA), ...at(chatB)], 1000)).toBeLessThanOrEqual(8)
  })

  it('refuses a turn further ahead than maxAheadMs and reserves nothing for it', async () => {
    const lanes = createLanes(redis, keys)
    const lane: LaneLimit = { kind: 'rate', name: 'r2', limit: 1, guardMs: 0 }
    expect((await lanes.acquire([lane], 'first', timing, never)).granted).toBe(true)
    const refused = await lanes.acquire([lane], 'second', { ...timing, maxAheadMs: 100 }, never)
    expect(refused).toMatchObject({ granted: false })
    expect(await redis.zcard(keys.lane('r2'))).toBe(1)
  })

  it('frees the rate-lane slots of a turn released unused (afterSend false), keeps them after a send', async () => {
    const lanes = createLanes(redis, keys)
    const app: LaneLimit = { kind: 'rate', name: 'free-app', limit: 1, guardMs: 0 }
    const chat: LaneLimit = { kind: 'rate', name: 'free-app:chat', limit: 1, guardMs: 0 }
    const sent = await lanes.acquire([app, chat], 'sent', timing, never)
    const unused = await lanes.acquire([app, chat], 'unused', timing, never)
    if (!sent.granted || !unused.granted) throw new Error('expected two grants')
    expect(unused.at - sent.at).toBeGreaterThanOrEqual(1000)
    await lanes.release([app, chat], 'sent', true)
    await lanes.release([app, chat], 'unused', false)
    expect(await redis.zrange(keys.lane('free-app'), 0, -1)).toEqual(['sent:0'])
    expect(await redis.zrange(keys.lane('free-app:chat'), 0, -1)).toEqual(['sent:1'])
    // The freed slot goes to the next send: the same time the unused turn had, not a second later.
    const next = await lanes.acquire([app, chat], 'next', timing, never)
    expect(next.granted && next.at).toBe(unused.at)
  })

  it('moves a stalled claim to now only while its lanes have room for it', async () => {
    const lanes = createLanes(redis, keys)
    const lane: LaneLimit = { kind: 'rate', name: 'relog', limit: 2, perMs: 10_000, guardMs: 0 }
    const log = `${keys.lane('relog')}:sent`
    await redis.zadd(log, 1, 'stalled:0', Date.now() - 5_000, 'other:0')
    // Room for one more beside 'other': the stalled claim moves to now.
    expect(await lanes.relog([lane], 'stalled')).toBe(true)
    expect(Number(await redis.zscore(log, 'stalled:0'))).toBeGreaterThan(Date.now() - 5_000)
    // Full (two others in the window): the stalled claim is removed instead.
    await redis.zadd(log, Date.now(), 'third:0')
    expect(await lanes.relog([lane], 'stalled')).toBe(false)
    expect((await redis.zrange(log, 0, -1)).sort()).toEqual(['other:0', 'third:0'])
  })

  it('holds a lane back after a rate-limit answer', async () => {
    const lanes = createLanes(redis, keys)
    const lane: LaneLimit = { kind: 'rate', name: 'r3', limit: 100, guardMs: 0 }
    await lanes.block([lane], 800)
    const blockedUntil = Number(await redis.get(`${keys.lane('r3')}:blocked`))
    const turn = await lanes.acquire([lane], 'after-block', timing, never)
    // Not before the block's end (Redis clock), however long the acquire took to run.
    expect(turn.granted && turn.at).toBeGreaterThanOrEqual(blockedUntil)
  })

  it('fills a gap before later reservations when the other lanes allow it', async () => {
    const lanes = createLanes(redis, keys)
    const app: LaneLimit = { kind: 'rate', name: 'gap-app', limit: 10, guardMs: 0 }
    const busyChat: LaneLimit = { kind: 'rate', name: 'gap-app:busy', limit: 1, guardMs: 0 }
    const idleChat: LaneLimit = { kind: 'rate', name: 'gap-app:idle', limit: 1, guardMs: 0 }
    const first = await lanes.acquire([app, busyChat], 'g1', timing, never)
    const second = await lanes.acquire([app, busyChat], 'g2', timing, never)
    const third = await lanes.acquire([app, idleChat], 'g3', timing, never)
    if (!first.granted || !second.granted || !third.granted) throw new Error('expected three grants')
    expect(second.at - first.at).toBeGreaterThanOrEqual(1000)
    // The idle chat's send goes 100 ms after the first, not behind the busy chat's second send.
    expect(third.at - first.at).toBeGreaterThanOrEqual(100)
    expect(third.at).toBeLessThan(second.at)
  })
})

describe('serial lanes', () => {
  it('gives one turn at a time and starts the next one gap + jitter after release', async () => {
    const lanes = createLanes(redis, keys)
    const lane: LaneLimit = { kind: 'serial', name: 's1', gapMs: 300, jitterMs: 100 }
    const first = await lanes.acquire([lane], 'one', timing, never)
    expect(first.granted).toBe(true)
    const blocked = await lanes.acquire([lane], 'two', { ...timing, maxWaitMs: 0 }, never)
    expect(blocked.granted).toBe(false)
    await lanes.release([lane], 'one', true)
    const releasedAt = Number(await redis.hget(keys.lane('s1'), 'until'))
    const second = await lanes.acquire([lane], 'two', timing, never)
    expect(second.granted).toBe(true)
    if (!second.granted) return
    expect(second.at - releasedAt).toBeGreaterThanOrEqual(300)
    expect(second.at - releasedAt).toBeLessThanOrEqual(400)
  })

  it('frees a lane without a gap when nothing was sent, and lets a crashed turn lapse after its lease', async () => {
    const lanes = createLanes(redis, keys)
    const lane: LaneLimit = { kind: 'serial', name: 's2', gapMs: 5000 }
    await lanes.acquire([lane], 'unused', timing, never)
    await lanes.release([lane], 'unused', false)
    const lease = { ...timing, leaseMs: 300, maxAheadMs: 10_000 }
    expect(await lanes.acquire([lane], 'crashes', lease, never)).toMatchObject({ granted: true, delayMs: 0 })
    // 'crashes' never releases: its turn is held until the lease ends...
    expect((await lanes.acquire([lane], 'after', { ...lease, maxWaitMs: 0 }, never)).granted).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 400))
    // ...and the gap is counted from the lease's end: 300 + 5000 ms after the crashed turn began.
    const late = await lanes.acquire([lane], 'after', lease, never)
    expect(late.granted && late.delayMs).toBeGreaterThan(4_500)
  })
})
