import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { OutboxEvent } from '../src/index.js'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/** Bundles the worker fixture (sources through `@msg/source`) so a plain `node` child can run it. */
export async function bundleWorker(): Promise<string> {
  const outfile = `${packageRoot}.cache/worker-process.mjs`
  await build({
    entryPoints: [`${packageRoot}test/fixtures/worker-process.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@msg/source'],
    external: ['bullmq', 'ioredis', 'msw'],
    logLevel: 'silent',
  })
  return outfile
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
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [script], {
    cwd: packageRoot,
    env: { ...process.env, OUTBOX_PLAN: JSON.stringify({ ...config, name }) },
  })
  let errors = ''
  let closed = false
  const events: OutboxEvent[] = []
  const waiters: { test: (event: OutboxEvent) => boolean; resolve: (event: OutboxEvent) => void }[] = []
  let buffered = ''
  let onReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => {
    onReady = resolve
  })
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      const line = buffered.slice(0, newline)
      buffered = buffered.slice(newline + 1)
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
    }
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await Promise.race([
    ready,
    exited.then(() => {
      throw new Error(`worker ${name} exited before ready:\n${errors}`)
    }),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`worker ${name} not ready:\n${errors}`)), 20_000),
    ),
  ])
  return {
    name,
    events,
    stderr: () => errors,
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
      child.kill('SIGKILL')
      await exited
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return closed
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      child.stdin.end('close\n')
      await exited
      clearTimeout(timer)
      return closed
    },
  }
}
