import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RedisServer, startRedisServer } from '../../../token-store-redis/test/redis-server.js'
import { outboxKeys } from '../outbox-keys.js'
import { createLedger } from './ledger.js'

let server: RedisServer
let redis: Redis
const keys = outboxKeys({ queueName: 'ledger-test' })

beforeAll(async () => {
  server = await startRedisServer()
  redis = new Redis(server.url, { maxRetriesPerRequest: null })
})
afterAll(async () => {
  redis.disconnect()
  await server.stop()
})

const ledger = () => createLedger(redis, keys)

describe('ledger', () => {
  it('creates an entry once and keeps the first key', async () => {
    expect(await ledger().create('a1', 's', 'key-1', 'test')).toEqual({
      created: true,
      state: 'queued',
      key: 'key-1',
    })
    expect(await ledger().create('a1', 's', 'key-2', 'test')).toEqual({
      created: false,
      state: 'queued',
      key: 'key-1',
    })
  })

  it('lets exactly one of two concurrent claims win', async () => {
    await ledger().create('a2', 's', 'k', 'test')
    const [first, second] = await Promise.all([
      ledger().claim('a2', 'owner-1', 0, 'test'),
      ledger().claim('a2', 'owner-2', 0, 'test'),
    ])
    expect([first.outcome, second.outcome].sort()).toEqual(['claimed', 'parked'])
  })

  it('answers a repeated command (re-sent by the client after a lost reply) as the first time', async () => {
    expect(await ledger().create('rep', 's', 'k-rep', 'test')).toMatchObject({ created: true })
    expect(await ledger().create('rep', 's', 'k-rep', 'test')).toMatchObject({ created: true, key: 'k-rep' })
    const first = await ledger().claim('rep', 'owner-r', 0, 'test')
    expect(await ledger().claim('rep', 'owner-r', 0, 'test')).toMatchObject({
      ...first,
      now: expect.any(Number),
    })
    expect(await ledger().finish('rep', 'owner-r', { to: 'sent' }, 'test')).toBe(true)
    expect(await ledger().finish('rep', 'owner-r', { to: 'sent' }, 'test')).toBe(true)
    expect(await redis.hget(keys.ledger('rep'), 'attempts')).toBe('1')
  })

  it('refuses a claim that comes after the end of its lane turn, changing nothing', async () => {
    await ledger().create('late-1', 's', 'k', 'test')
    expect(await ledger().claim('late-1', 'o', 0, 'test', Date.now() - 10_000)).toEqual({ outcome: 'late' })
    expect(await ledger().state('late-1')).toBe('queued')
    expect(await ledger().claim('late-1', 'o', 0, 'test', Date.now() + 10_000)).toMatchObject({
      outcome: 'claimed',
    })
  })

  it('undoes its own claim when the same claim comes again after the turn ended (a lost reply)', async () => {
    await ledger().create('late-2', 's', 'k', 'test')
    expect(await ledger().claim('late-2', 'o2', 0, 'test', Date.now() + 10_000)).toMatchObject({
      outcome: 'claimed',
    })
    // The client re-sends the command after a reconnect; Redis runs it again, now past the turn.
    expect(await ledger().claim('late-2', 'o2', 0, 'test', Date.now() - 10_000)).toEqual({ outcome: 'late' })
    expect(await redis.hmget(keys.ledger('late-2'), 'state', 'attempts', 'owner', 'firstAttemptAt')).toEqual([
      'queued',
      '0',
      null,
      null,
    ])
    expect(await redis.zscore(keys.state('queued'), 'late-2')).not.toBeNull()
    expect(await redis.zscore(keys.state('sending'), 'late-2')).toBeNull()
  })

  it('logs claims on the rate lanes and refuses one more than a lane allows in its window, saying for how long', async () => {
    const lane = { name: 'claim-log', limit: 2, windowMs: 10_000, index: 0 }
    for (const id of ['log-1', 'log-2', 'log-3']) await ledger().create(id, 's', 'k', 'test')
    const first = await ledger().claim('log-1', 'o1', 0, 'test', 0, [lane])
    expect(first).toMatchObject({ outcome: 'claimed' })
    expect(await ledger().claim('log-2', 'o2', 0, 'test', 0, [lane])).toMatchObject({ outcome: 'claimed' })
    const refused = await ledger().claim('log-3', 'o3', 0, 'test', 0, [lane])
    // Room comes back when the oldest claim (log-1's) leaves the 10 s window.
    const [, oldest] = await redis.zrange(`${keys.lane('claim-log')}:sent`, 0, 0, 'WITHSCORES')
    const [seconds, micros] = await redis.time()
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)
    expect(refused).toEqual({ outcome: 'late', waitMs: expect.any(Number) })
    const waitMs = (refused as { waitMs: number }).waitMs
    expect(waitMs).toBeGreaterThan(9_000)
    expect(waitMs).toBeLessThanOrEqual(Number(oldest) + 10_000 - (now - 1_000))
    expect(await ledger().state('log-3')).toBe('queued')
    expect(await redis.zrange(`${keys.lane('claim-log')}:sent`, 0, -1)).toEqual(['o1:0', 'o2:0'])
    // Another lane with room does not help: every lane of the send must allow it.
    const other = { name: 'claim-log-other', limit: 5, windowMs: 10_000, index: 1 }
    expect(await ledger().claim('log-3', 'o3', 0, 'test', 0, [other, lane])).toMatchObject({
      outcome: 'late',
    })
    expect(await redis.zcard(`${keys.lane('claim-log-other')}:sent`)).toBe(0)
  })

  it('unclaims only for the owner, restoring the state, owner and flags the claim found', async () => {
    await ledger().create('un-1', 's', 'k', 'test')
    await ledger().claim('un-1', 'crashed', 60_000, 'test')
    // A second run finds the first one's claim (a crash inside the send window): a risky resend.
    expect(await ledger().claim('un-1', 'second', 60_000, 'test')).toMatchObject({ outcome: 'claimed' })
    expect(await ledger().unclaim('un-1', 'someone-else', 'test', 'late')).toBe(false)
    expect(await ledger().unclaim('un-1', 'second', 'test', 'late')).toBe(true)
    expect(await ledger().unclaim('un-1', 'second', 'test', 'late')).toBe(false)
    expect(
      await redis.hmget(keys.ledger('un-1'), 'state', 'owner', 'attempts', 'mayHaveSent', 'firstAttemptAt'),
    ).toEqual(['sending', 'crashed', '1', '0', expect.any(String)])
    const audit = (await redis.lrange(keys.audit('un-1'), 0, -1)).map((line) => JSON.parse(line))
    expect(audit.at(-1)).toMatchObject({ from: 'sending', to: 'sending', note: 'late' })
  })

  it('finishes only for the owner, and a sent message is never claimed again', async () => {
    await ledger().create('a3', 's', 'k3', 'test')
    const claim = await ledger().claim('a3', 'me', 0, 'test')
    expect(claim).toMatchObject({ outcome: 'claimed', key: 'k3', attempts: 1 })
    expect(await ledger().finish('a3', 'someone-else', { to: 'sent' }, 'test')).toBe(false)
    expect(await ledger().finish('a3', 'me', { to: 'sent', messageId: 'om_1' }, 'test')).toBe(true)
    expect((await ledger().claim('a3', 'me-again', 0, 'test')).outcome).toBe('sent')
    expect(await redis.hget(keys.ledger('a3'), 'messageId')).toBe('om_1')
  })

  it('resends an interrupted send only inside the de-duplication window', async () => {
    await ledger().create('w1', 's', 'kw', 'test')
    await ledger().claim('w1', 'crashed', 60_000, 'test')
    // The run that claimed it died: the next run may resend under the same key within the window...
    expect(await ledger().claim('w1', 'next', 60_000, 'test')).toMatchObject({
      outcome: 'claimed',
      key: 'kw',
      attempts: 2,
    })
    // ...but not once the window measured from the first attempt has passed.
    await redis.hset(keys.ledger('w1'), 'firstAttemptAt', Date.now() - 61_000)
    expect(await ledger().claim('w1', 'late', 60_000, 'test')).toMatchObject({ outcome: 'parked' })
    expect(await ledger().state('w1')).toBe('unknown')
  })

  it('parks an interrupted send at once when the vendor never de-duplicates', async () => {
    await ledger().create('w2', 's', 'k', 'test')
    await ledger().claim('w2', 'crashed', 0, 'test')
    const parked = await ledger().claim('w2', 'next', 0, 'test')
    expect(parked).toMatchObject({ outcome: 'parked' })
    expect(await redis.hget(keys.ledger('w2'), 'lastError')).toContain('stopped inside the send window')
  })

  it('accepts the vendor answer after its own attempt was parked', async () => {
    await ledger().create('w3', 's', 'k', 'test')
    await ledger().claim('w3', 'slow', 0, 'test')
    await ledger().claim('w3', 'other', 0, 'test')
    expect(await ledger().finish('w3', 'slow', { to: 'sent' }, 'test')).toBe(true)
    expect(await ledger().state('w3')).toBe('sent')
  })

  it('resolves unknown messages and audits who did it', async () => {
    await ledger().create('r1', 's', 'old-key', 'test')
    await ledger().claim('r1', 'x', 0, 'test')
    await ledger().finish('r1', 'x', { to: 'unknown', error: 'timeout' }, 'test')
    expect(await ledger().resolve('r1', 'sent', 'alice', 'checked the chat', 'unused')).toEqual({
      ok: true,
      state: 'sent',
    })
    expect(await ledger().resolve('r1', 'resend', 'bob', '', 'new')).toEqual({ ok: false, state: 'sent' })
    const audit = (await redis.lrange(keys.audit('r1'), 0, -1)).map((line) => JSON.parse(line))
    expect(audit.at(-1)).toMatchObject({
      from: 'unknown',
      to: 'sent',
      by: 'alice',
      note: 'resolve sent: checked the chat',
    })
  })

  it('resend puts a message back in the queue under a fresh key', async () => {
    await ledger().create('r2', 's', 'old-key', 'test')
    await ledger().claim('r2', 'x', 0, 'test')
    await ledger().finish('r2', 'x', { to: 'unknown', error: 'reset' }, 'test')
    expect(await ledger().resolve('r2', 'resend', 'bob', '', 'new-key')).toEqual({
      ok: true,
      state: 'queued',
    })
    expect(await ledger().claim('r2', 'y', 0, 'test')).toMatchObject({
      outcome: 'claimed',
      key: 'new-key',
      attempts: 1,
    })
  })

  it('settles a job the queue gave up on: never claimed → dead, caught while sending → unknown', async () => {
    await ledger().create('s1', 's', 'k', 'test')
    expect(await ledger().settle('s1', 'test', 'stalled too often')).toBe('dead')
    await ledger().create('s2', 's', 'k', 'test')
    await ledger().claim('s2', 'x', 0, 'test')
    expect(await ledger().settle('s2', 'test', 'stalled too often')).toBe('unknown')
    expect(await ledger().settle('s2', 'test', 'again')).toBe('unknown')
  })

  it('keeps the per-state sets in step with the entries', async () => {
    const queued = await redis.zrange(keys.state('queued'), 0, -1)
    for (const id of queued) expect(await ledger().state(id)).toBe('queued')
    expect(await redis.zscore(keys.state('sent'), 'a3')).not.toBeNull()
    expect(await redis.zscore(keys.state('sending'), 'a3')).toBeNull()
  })
})
