import { startNode } from '@msg/core/testing'
import { bundleFixture, outboxRoot } from './bundle-fixture.js'
import type { Arrival, FakeVendor, PlannedFault } from './vendor-fakes.js'

/** What the fakes recorded, at one moment. */
export interface FakesSnapshot {
  arrivals: Arrival[]
  inbox: Record<FakeVendor, string[]>
}

/** The fakes process, driven from the test. */
export interface FakesProcess {
  urls: Record<FakeVendor, string>
  fault(text: string, fault: PlannedFault): void
  /** Holds the next request carrying `text`; `arrived` resolves with the sending worker's name. */
  hold(text: string): { arrived: Promise<string | undefined>; release(): void }
  snapshot(): Promise<FakesSnapshot>
  close(): Promise<void>
}

/** Bundles and starts the fakes process; resolves when it serves. */
export async function startFakesProcess(): Promise<FakesProcess> {
  const outfile = await bundleFixture('fakes-process', ['msw'])
  const listeners = new Set<(message: Record<string, unknown>) => void>()
  const child = startNode(outfile, [], {
    cwd: outboxRoot,
    inheritEnv: true,
    onLine(line) {
      const message = JSON.parse(line) as Record<string, unknown>
      for (const listener of listeners) listener(message)
    },
  })
  const next = (test: (message: Record<string, unknown>) => boolean, timeoutMs: number) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener)
        reject(new Error(`the fakes process did not answer in ${timeoutMs} ms:\n${child.stderr()}`))
      }, timeoutMs)
      const listener = (message: Record<string, unknown>) => {
        if (!test(message)) return
        clearTimeout(timer)
        listeners.delete(listener)
        resolve(message)
      }
      listeners.add(listener)
    })
  const send = (message: object) => child.writeLine(JSON.stringify(message))
  const ready = await next((message) => message.type === 'ready', 20_000)
  let seq = 0
  return {
    urls: ready.urls as Record<FakeVendor, string>,
    fault: (text, fault) => send({ cmd: 'fault', text, fault }),
    hold(text) {
      const arrived = next((message) => message.type === 'held' && message.text === text, 60_000).then(
        (message) => message.worker as string | undefined,
      )
      send({ cmd: 'hold', text })
      return { arrived, release: () => send({ cmd: 'release', text }) }
    },
    async snapshot() {
      seq += 1
      const mine = seq
      const answer = next((message) => message.type === 'dump' && message.seq === mine, 20_000)
      send({ cmd: 'dump', seq: mine })
      const message = await answer
      return { arrivals: message.arrivals as Arrival[], inbox: message.inbox as Record<FakeVendor, string[]> }
    },
    async close() {
      await child.stop('SIGTERM', 5_000)
    },
  }
}
