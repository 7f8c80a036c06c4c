import { TimeoutError } from '@msg/core'
import { createOutbox, createOutboxAdmin, createOutboxWorker, type OutboxSender } from '@msg/outbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// The outbox package's throwaway redis-server (AOF on a free loopback port).
import { type RedisServer, startRedisServer } from '../../token-store-redis/test/redis-server.js'
import { main } from '../src/main.js'
import { createTestIo } from '../src/test-io.js'

let server: RedisServer
const flaky: OutboxSender = {
  vendor: 'gewe',
  lanes: [{ kind: 'serial', name: 'cli-test', gapMs: 0 }],
  dedupWindowMs: 0,
  send: async () => {
    throw new TimeoutError({ vendor: 'gewe', message: 'no answer in 10 000 ms', timeoutMs: 10_000 })
  },
}

beforeAll(async () => {
  server = await startRedisServer()
  const outbox = createOutbox({ connection: server.url })
  const worker = createOutboxWorker({ connection: server.url, senders: { flaky }, warn: () => {} })
  await outbox.enqueue({ id: 'cli-1', sender: 'flaky', payload: 'hello' })
  await outbox.enqueue({ id: 'cli-2', sender: 'flaky', payload: 'hello again' })
  const admin = createOutboxAdmin({ connection: server.url })
  for (let waited = 0; (await admin.counts()).unknown < 2; waited += 50) {
    if (waited > 10_000) throw new Error('the messages were never parked')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await Promise.all([admin.close(), worker.close(), outbox.close()])
})
afterAll(async () => {
  await server?.stop()
})

describe('msg outbox', () => {
  it('status prints the count per ledger state', async () => {
    const { io, stdout } = createTestIo()
    expect(await main(['outbox', 'status', '--redis', server.url, '--json'], io)).toBe(0)
    expect(JSON.parse(stdout[0] ?? '{}')).toMatchObject({ unknown: 2, sent: 0, queued: 0 })
  })

  it('unknown lists the parked messages with their last error', async () => {
    const { io, stdout } = createTestIo({ MSG_OUTBOX_REDIS: server.url })
    expect(await main(['outbox', 'unknown'], io)).toBe(0)
    expect(stdout).toHaveLength(2)
    expect(stdout[0]).toMatch(/^cli-1 {2}flaky {2}unknown .*TimeoutError/)
  })

  it('resolve marks a message sent, audited, and refuses to resolve it twice', async () => {
    const first = createTestIo()
    expect(
      await main(
        ['outbox', 'resolve', 'cli-1', '--as', 'sent', '--by', 'alice', '--redis', server.url],
        first.io,
      ),
    ).toBe(0)
    expect(first.stdout).toEqual(['cli-1: sent'])
    const again = createTestIo()
    expect(
      await main(['outbox', 'resolve', 'cli-1', '--as', 'resend', '--redis', server.url], again.io),
    ).toBe(3)
    const admin = createOutboxAdmin({ connection: server.url })
    const entry = await admin.get('cli-1')
    await admin.close()
    expect(entry?.audit.at(-1)).toMatchObject({ from: 'unknown', to: 'sent', by: 'alice' })
  })

  it('refuses bad usage with exit code 2', async () => {
    const { io, output } = createTestIo()
    expect(await main(['outbox', 'resolve', 'cli-2', '--redis', server.url], io)).toBe(2)
    expect(output()).toContain('--as sent|resend')
    expect(await main(['outbox', 'status'], createTestIo().io)).toBe(2)
  })

  it('fails within seconds with exit code 4 when Redis cannot be reached, printing no password', async () => {
    const { io, output } = createTestIo()
    // Without a bounded connection this would hang until the test times out.
    expect(await main(['outbox', 'status', '--redis', 'redis://ops:hunter2-secret@127.0.0.1:9'], io)).toBe(4)
    expect(output()).toContain('cannot reach Redis at redis://[redacted]@127.0.0.1:9')
    expect(output()).not.toContain('hunter2-secret')
  })
})
