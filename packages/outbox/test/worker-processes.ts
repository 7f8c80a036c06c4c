import { startNode } from '@msg/core/testing'
import type { OutboxEvent } from '../src/index.js'
import { bundleFixture, outboxRoot } from './bundle-fixture.js'

/** Bundles the worker fixture so a plain `node` child can run it. */
export function bundleWorker(): Promise<string> {
  return bundleFixture('worker-process', ['bullmq', 'ioredis', 'msw'])
}

/** A running worker process. */
export interface WorkerProcess {
  name: string
  events: OutboxEvent[]
  stderr(): string
  /** Resolves with the first event `test` accepts (rejects after `timeoutMs`). */
  waitFor(test: (event: OutboxEvent) => boolean, timeoutMs?: number): Promise<OutboxEvent>
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>
  /** Graceful close: resolves with whether it printed `closed` (kills it after 15 s). */
  close(): Promise<boolean>
}

/** Starts one worker and waits for its `ready` line. */
export async function startWorker(script: string, name: string, config: object): Promise<WorkerProcess> {
  let closed = false
  const events: OutboxEvent[] = []
  const waiters: { test: (event: OutboxEvent) => boolean; resolve: (event: OutboxEvent) => void }[] = []
  let onReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => {
    onReady = resolve
  })
  let exitedEarly: (error: Error) => void = () => {}
  const child = startNode(script, [], {
    cwd: outboxRoot,
    inheritEnv: true,
    env: { OUTBOX_PLAN: JSON.stringify({ ...config, name }) },
    onLine(line) {
      if (line === 'ready') onReady()
      else if (line === 'closed') closed = true
      else if (line.startsWith('{')) {
        const event = JSON.parse(line) as OutboxEvent
        events.push(event)
        for (const waiter of waiters.filter((candidate) => candidate.test(event))) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve(event)
        }
      }
    },
  })
  const early = new Promise<never>((_, reject) => {
    exitedEarly = reject
  })
  let alive = true
  // Resolves when the worker exits, however it ends (no signal sent, no limit).
  const exited = child.stop(null, 2 ** 31 - 1).then(() => {
    alive = false
    exitedEarly(new Error(`worker ${name} exited before ready:\n${child.stderr()}`))
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  await Promise.race([
    ready,
    early,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`worker ${name} not ready:\n${child.stderr()}`)), 20_000)
    }),
  ]).finally(() => clearTimeout(timer))
  return {
    name,
    events,
    stderr: child.stderr,
    waitFor(test, timeoutMs = 20_000) {
      const found = events.find(test)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`worker ${name}: no such event in ${timeoutMs} ms`)),
          timeoutMs,
        )
        waiters.push({
          test,
          resolve: (event) => {
            clearTimeout(timer)
            resolve(event)
          },
        })
      })
    },
    async kill() {
      await child.stop('SIGKILL')
    },
    async close() {
      if (!alive) return closed
      child.writeLine('close')
      await child.stop(null, 15_000)
      await exited
      return closed
    },
  }
}
