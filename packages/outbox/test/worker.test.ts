import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RedisServer, startRedisServer } from '../../token-store-redis/test/redis-server.js'
import {
  createOutbox,
  createOutboxAdmin,
  createOutboxWorker,
  type Outbox,
  type OutboxAdmin,
  type OutboxEvent,
  type OutboxProgress,
  type OutboxWorker,
} from '../src/index.js'
import { buildSenders, type FleetPlan } from './fleet-senders.js'
import { type ServedFakes, serveFakes } from './vendor-fakes.js'

let server: RedisServer
let fakes: ServedFakes
let outbox: Outbox
let admin: OutboxAdmin
let plan: FleetPlan
const queueName = 'worker-test'
const events: OutboxEvent[] = []

function startWorker(name: string, concurrency = 4): OutboxWorker {
  return createOutboxWorker({
    connection: server.url,
    queueName,
    senders: buildSenders(plan, name),
    concurrency,
    workerId: name,
    lockDurationMs: 4_000,
    stalledIntervalMs: 2_000,
    backoff: { baseMs: 100, maxMs: 500 },
    onEvent: (event) => events.push(event),
    warn: () => {},
  })
}

async function settled(ids: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (const id of ids) {
    for (;;) {
      const entry = await admin.get(id)
      if (entry && ['sent', 'unknown', 'dead'].includes(entry.state)) break
      if (Date.now() > deadline) throw new Error(`${id} still ${entry?.state} after ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

const count = (list: string[], text: string) => list.filter((item) => item === text).length

beforeAll(async () => {
  server = await startRedisServer()
  fakes = await serveFakes()
  plan = {
    urls: fakes.urls,
    feishuChats: 2,
    feishuAppLimit: 45,
    geweAccounts: 2,
    geweGapMs: 300,
    geweJitterMs: 100,
    fxiaokeLimit: 20,
    neteaseLimit: 50,
  }
  outbox = createOutbox({ connection: server.url, queueName, attempts: 4 })
  admin = createOutboxAdmin({ connection: server.url, queueName })
})
afterAll(async () => {
  await outbox?.close()
  await admin?.close()
  await fakes?.close()
  await server?.stop()
})

describe('outbox with one in-process worker', () => {
  it('sends each enqueued id once through all four vendors, duplicates included', async () => {
    const worker = startWorker('w1')
    await worker.ready()
    const progress: OutboxProgress[] = []
    const stopWatching = await admin.watch((event) => progress.push(event))
    const senders = ['feishu-0', 'gewe-0', 'fxiaoke', 'netease']
    const ids = senders.flatMap((sender) => [1, 2, 3].map((n) => `${sender}-basic-${n}`))
    const first = await Promise.all(
      ids.map((id, index) =>
        outbox.enqueue({ id, sender: senders[Math.floor(index / 3)] ?? '', payload: id }),
      ),
    )
    const again = await Promise.all(
      ids.map((id) => outbox.enqueue({ id, sender: 'feishu-0', payload: 'other text' })),
    )
    expect(first.every((result) => !result.duplicate)).toBe(true)
    expect(again.every((result) => result.duplicate)).toBe(true)
    await settled(ids)
    const late = await outbox.enqueue({ id: ids[0] ?? '', sender: 'feishu-0', payload: 'late retry' })
    expect(late).toMatchObject({ duplicate: true, state: 'sent' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    for (const id of ids) {
      const vendor = id.startsWith('feishu')
        ? 'feishu'
        : id.startsWith('gewe')
          ? 'gewe'
          : id.startsWith('fxiaoke')
            ? 'fxiaoke'
            : 'netease-im'
      expect(count(fakes.inboxTexts(vendor), id)).toBe(1)
      expect((await admin.get(id))?.state).toBe('sent')
    }
    expect(
      count(fakes.inboxTexts('feishu'), 'late retry') + count(fakes.inboxTexts('feishu'), 'other text'),
    ).toBe(0)
    expect(
      progress.filter((event) => event.event === 'completed' && event.state === 'sent').length,
    ).toBeGreaterThanOrEqual(ids.length)
    await stopWatching()
    await worker.close()
  })

  it('keeps one message for an id after its job was removed (the ledger remembers it)', async () => {
    // Its lane-queue job and its intake job, as BullMQ's removeOnComplete would.
    for (let removed = 0; removed < 2; removed++) await (await admin.job('gewe-0-basic-1'))?.remove()
    expect(await admin.job('gewe-0-basic-1')).toBeUndefined()
    const again = await outbox.enqueue({
      id: 'gewe-0-basic-1',
      sender: 'gewe-0',
      payload: 'resent by mistake',
    })
    expect(again).toMatchObject({ duplicate: true, state: 'sent' })
    expect(await admin.job('gewe-0-basic-1')).toBeUndefined()
    expect(count(fakes.inboxTexts('gewe'), 'resent by mistake')).toBe(0)
  })

  it('backs off on a rate limit without spending an attempt', async () => {
    const worker = startWorker('w2')
    fakes.faults.set('rate-limited-1', { kind: 'rate-limit', resetSeconds: 1 })
    await outbox.enqueue({ id: 'rate-limited-1', sender: 'feishu-1', payload: 'rate-limited-1' })
    await settled(['rate-limited-1'])
    const entry = await admin.get('rate-limited-1')
    expect(entry).toMatchObject({ state: 'sent', attempts: 2 })
    // A turn this loaded machine came too late for is undone before any request (sending, then back).
    const audit = entry?.audit ?? []
    const undone = (index: number) =>
      audit[index]?.note === 'late turn given up' || audit[index + 1]?.note === 'late turn given up'
    expect(audit.filter((_, index) => !undone(index)).map((step) => step.to)).toEqual([
      'queued',
      'sending',
      'not-sent',
      'sending',
      'sent',
    ])
    // BullMQ counts the finishing run as an attempt: the rate-limited run added none.
    const job = await admin.job('rate-limited-1')
    const plain = await admin.job('feishu-0-basic-1')
    expect(job?.attemptsMade).toBe(plain?.attemptsMade)
    expect(job?.attemptsStarted).toBe((plain?.attemptsStarted ?? 0) + 1)
    const arrivals = fakes.arrivals
      .filter((arrival) => arrival.text === 'rate-limited-1')
      .map((arrival) => arrival.at)
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(1000)
    await worker.close()
  })

  it('sends bad input and permanent refusals to the dead letters with the reason', async () => {
    const worker = startWorker('w3')
    fakes.faults.set('refused-1', { kind: 'code', code: 230002, msg: 'bot is not in the chat' })
    await outbox.enqueue({ id: 'refused-1', sender: 'feishu-0', payload: 'refused-1' })
    await outbox.enqueue({
      id: 'no-vendor-body',
      sender: 'gewe-1',
      payload: { type: 'vendor', vendor: 'gewe', body: {} },
    })
    await settled(['refused-1', 'no-vendor-body'])
    const dead = await admin.list('dead')
    expect(dead.find((entry) => entry.id === 'refused-1')?.reason).toContain('230002')
    expect(dead.find((entry) => entry.id === 'no-vendor-body')?.reason).toContain('ValidationError')
    expect(count(fakes.inboxTexts('feishu'), 'refused-1')).toBe(0)
    await worker.close()
  })

  it('resends an unknown Feishu send under its uuid (one message), parks an unknown GeWe send', async () => {
    const worker = startWorker('w4')
    fakes.faults.set('feishu-5xx', { kind: 'server-error', delivered: true })
    fakes.faults.set('gewe-5xx', { kind: 'server-error' })
    await outbox.enqueue({ id: 'feishu-5xx', sender: 'feishu-0', payload: 'feishu-5xx' })
    await outbox.enqueue({ id: 'gewe-5xx', sender: 'gewe-0', payload: 'gewe-5xx' })
    await settled(['feishu-5xx', 'gewe-5xx'])
    expect(fakes.arrivals.filter((arrival) => arrival.text === 'feishu-5xx')).toHaveLength(2)
    expect(count(fakes.inboxTexts('feishu'), 'feishu-5xx')).toBe(1)
    expect((await admin.get('feishu-5xx'))?.state).toBe('sent')
    const parked = await admin.list('unknown')
    expect(parked.map((entry) => entry.id)).toEqual(['gewe-5xx'])
    expect(parked[0]?.lastError).toBeTruthy()
    expect(fakes.arrivals.filter((arrival) => arrival.text === 'gewe-5xx')).toHaveLength(1)
    await worker.close()
  })

  it('resolves parked messages: sent (audited) or resend (sent again, deliberately)', async () => {
    const worker = startWorker('w5')
    fakes.faults.set('gewe-park-a', { kind: 'server-error', delivered: false })
    await outbox.enqueue({ id: 'gewe-park-a', sender: 'gewe-1', payload: 'gewe-park-a' })
    await settled(['gewe-park-a'])
    expect((await admin.get('gewe-park-a'))?.state).toBe('unknown')
    expect(await admin.resolve('gewe-park-a', 'resend', { by: 'alice', note: 'not in the chat' })).toEqual({
      ok: true,
      state: 'queued',
    })
    await settled(['gewe-park-a'])
    const entry = await admin.get('gewe-park-a')
    expect(entry?.state).toBe('sent')
    expect(entry?.audit.find((step) => step.by === 'alice')).toMatchObject({ from: 'unknown', to: 'queued' })
    expect(count(fakes.inboxTexts('gewe'), 'gewe-park-a')).toBe(1)
    expect(await admin.resolve('gewe-5xx', 'sent', { by: 'bob' })).toEqual({ ok: true, state: 'sent' })
    expect(await admin.resolve('gewe-5xx', 'resend', { by: 'bob' })).toEqual({ ok: false, state: 'sent' })
    const counts = await admin.counts()
    expect(counts.unknown).toBe(0)
    expect(counts.sending + counts.queued + counts['not-sent']).toBe(0)
    await worker.close()
  })

  it('lets a send in flight finish and record its outcome when the worker closes', async () => {
    const worker = startWorker('w8')
    const hold = fakes.hold('closing-1')
    await outbox.enqueue({ id: 'closing-1', sender: 'feishu-1', payload: 'closing-1' })
    await hold.arrived
    const closed = worker.close()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await admin.get('closing-1'))?.state).toBe('sending')
    hold.release()
    await closed
    expect((await admin.get('closing-1'))?.state).toBe('sent')
    expect(count(fakes.inboxTexts('feishu'), 'closing-1')).toBe(1)
  })

  it('hands a job waiting for its lane back on close, and a later worker sends it once', async () => {
    const worker = startWorker('w6')
    await outbox.enqueue({ id: 'gap-1', sender: 'gewe-0', payload: 'gap-1' })
    await outbox.enqueue({ id: 'gap-2', sender: 'gewe-0', payload: 'gap-2' })
    await settled(['gap-1'])
    for (
      let waited = 0;
      !events.some((event) => event.id === 'gap-2' && event.type === 'lane-wait');
      waited += 10
    ) {
      if (waited > 5_000) throw new Error('gap-2 never waited for its lane')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await worker.close()
    expect(events.some((event) => event.id === 'gap-2' && event.type === 'released')).toBe(true)
    expect((await admin.get('gap-2'))?.state).toBe('queued')
    const next = startWorker('w7')
    await settled(['gap-2'])
    expect(count(fakes.inboxTexts('gewe'), 'gap-2')).toBe(1)
    await next.close()
  })
})
