import type { OutboxEvent } from '../src/index.js'
import type { Arrival, FakeVendor } from './vendor-fakes.js'

/** The most arrivals inside any sliding window of `windowMs` (half-open: [t, t + windowMs)). */
export function maxInSlidingWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}

/** The smallest gap between consecutive arrivals (Infinity with fewer than two). */
export function minGap(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = Number.POSITIVE_INFINITY
  for (let index = 1; index < sorted.length; index++)
    best = Math.min(best, (sorted[index] ?? 0) - (sorted[index - 1] ?? 0))
  return best
}

/** Arrival times per lane value, for one vendor. */
export function byLane(arrivals: readonly Arrival[], vendor: FakeVendor): Map<string, number[]> {
  const lanes = new Map<string, number[]>()
  for (const arrival of arrivals) {
    if (arrival.vendor !== vendor) continue
    const list = lanes.get(arrival.lane) ?? []
    list.push(arrival.at)
    lanes.set(arrival.lane, list)
  }
  return lanes
}

/** Texts that occur more than once. */
export function duplicates(texts: readonly string[]): string[] {
  const seen = new Map<string, number>()
  for (const text of texts) seen.set(text, (seen.get(text) ?? 0) + 1)
  return [...seen].filter(([, count]) => count > 1).map(([text]) => text)
}

/**
 * The saturated-lane figures: messages per second from the first arrival at the fake to the last
 * (every message was enqueued before the first turn, so the lane had a backlog throughout), the
 * busiest sliding second overall and per chat, and the lag from the ledger's claim (Redis clock,
 * right after the lane turn) to the fake's arrival.
 */
export function saturation(
  arrivals: readonly Arrival[],
  ledger: ReadonlyMap<string, { audit: { to: string; at: number }[] }>,
  limit: number,
  guardMs: number,
) {
  const times = arrivals.map((arrival) => arrival.at)
  const perSecond = (times.length - 1) / ((Math.max(...times) - Math.min(...times)) / 1000)
  const lags = arrivals
    .map((arrival) => {
      const claims = ledger.get(arrival.text)?.audit.filter((step) => step.to === 'sending') ?? []
      return arrival.at - (claims.at(-1)?.at ?? 0)
    })
    .sort((a, b) => a - b)
  const ceiling = 1000 / Math.ceil((1000 + guardMs) / limit)
  return {
    messages: arrivals.length,
    guardMs,
    perSecond: Number(perSecond.toFixed(1)),
    ofConfiguredLimit: Number((perSecond / limit).toFixed(3)),
    ofCeilingWithGuard: Number((perSecond / ceiling).toFixed(3)),
    maxInAnySecondAtFake: maxInSlidingWindow(times),
    maxPerChatInAnySecondAtFake: Math.max(
      ...[...byLane(arrivals, 'feishu').values()].map((chat) => maxInSlidingWindow(chat)),
    ),
    claimToArrivalMs: {
      p50: lags[Math.floor(lags.length / 2)],
      p99: lags[Math.floor(lags.length * 0.99)],
      max: lags.at(-1),
    },
  }
}

/**
 * Turns given up before any request: a rate lane was full at the claim, the claim came more than a
 * guard band after the turn, the worker stalled between claim and send (p50, max ms), or the request
 * missed its send-by time inside the client.
 */
export function lateTurns(events: readonly OutboxEvent[]) {
  const late = events.filter((event) => event.type === 'late')
  const stalls = late
    .flatMap((event) => {
      const ms = /^(\d+) ms from claim/.exec(event.reason ?? '')?.[1]
      return ms === undefined ? [] : [Number(ms)]
    })
    .sort((a, b) => a - b)
  const stalled = late.filter((event) => /ms from claim|^stalled/.test(event.reason ?? '')).length
  const missed = late.filter((event) => event.reason === 'missed its send-by time').length
  const pastTurn = late.filter((event) => event.reason === 'past its turn').length
  return {
    total: late.length,
    laneFull: late.length - stalled - missed - pastTurn,
    pastTurn,
    stalled,
    missedSendBy: missed,
    stalledMs: { p50: stalls[Math.floor(stalls.length / 2)], max: stalls.at(-1) },
  }
}

/**
 * The lane turns a worker used: a `lane-wait` whose job then claimed the message and did not give
 * the claim up (`late` right after `claimed`: its request missed its send-by time). A turn given up
 * or released unused frees its slot for another send, so only used turns must keep the spacing.
 */
export function usedTurns(events: readonly OutboxEvent[]): OutboxEvent[] {
  const waiting = new Map<string, OutboxEvent>()
  const claimed = new Map<string, OutboxEvent>()
  const used: OutboxEvent[] = []
  for (const event of events) {
    const turn = claimed.get(event.id)
    if (turn) {
      claimed.delete(event.id)
      if (event.type !== 'late') used.push(turn)
    }
    const wait = waiting.get(event.id)
    if (event.type === 'lane-wait') waiting.set(event.id, event)
    else waiting.delete(event.id)
    if (event.type === 'claimed' && wait) claimed.set(event.id, wait)
  }
  // A claim with nothing after it: the worker was killed while its request was out.
  return [...used, ...claimed.values()]
}

/**
 * What the fakes saw, per lane: the least gap per GeWe account, the busiest sliding second per Feishu
 * chat and per app (Feishu, Fxiaoke, NetEase), and per app in the 5 s from the Redis crash on.
 */
export function busiestAtFakes(arrivals: readonly Arrival[], redisCrashAt: number) {
  const at = (vendor: FakeVendor) =>
    arrivals.filter((arrival) => arrival.vendor === vendor).map((arrival) => arrival.at)
  const apps = ['feishu', 'fxiaoke', 'netease-im'] as const
  const busiest = (pick: (times: number[]) => number[]) =>
    Object.fromEntries(apps.map((vendor) => [vendor, maxInSlidingWindow(pick(at(vendor)))])) as Record<
      (typeof apps)[number],
      number
    >
  return {
    geweGaps: [...byLane(arrivals, 'gewe')].map(([appId, times]) => [appId, minGap(times)] as const),
    chats: [...byLane(arrivals, 'feishu')].map(([chat, times]) => [chat, maxInSlidingWindow(times)] as const),
    perApp: busiest((times) => times),
    aroundRestart: busiest((times) =>
      times.filter((time) => time >= redisCrashAt && time <= redisCrashAt + 5_000),
    ),
  }
}
