// The fleet test's moving parts: a redis-server with AOF, the fakes process, four worker processes,
// and the two ways a worker is killed on purpose.

import { type RedisServer, startRedisServer } from '../../token-store-redis/test/redis-server.js'
import {
  createOutbox,
  createOutboxAdmin,
  defaultGuardMs,
  type Outbox,
  type OutboxAdmin,
} from '../src/index.js'
import { type FakesProcess, startFakesProcess } from './fakes-process.js'
import type { FleetPlan } from './fleet-senders.js'
import { type PlannedMessage, sleep } from './fleet-workload.js'
import { bundleWorker, startWorker, type WorkerProcess } from './worker-processes.js'

/** A running fleet. `workers` are the live ones; `everyWorker` includes the killed ones (their events stay). */
export interface Fleet {
  server: RedisServer
  fakes: FakesProcess
  outbox: Outbox
  admin: OutboxAdmin
  plan: FleetPlan & { redisUrl: string; queueName: string; concurrency: number }
  workers: Map<string, WorkerProcess>
  everyWorker: WorkerProcess[]
  killed: Set<string>
  spawnWorker(): Promise<WorkerProcess>
  /** SIGKILLs a live worker by name (once). */
  kill(name: string | undefined): Promise<void>
  close(): Promise<void>
}

/** Starts Redis, the fakes and four workers with the fleet test's lanes. */
export async function startFleet(
  queueName: string,
  guardMs: number,
  burstGuardMs = defaultGuardMs,
): Promise<Fleet> {
  const server = await startRedisServer()
  const fakes = await startFakesProcess()
  const script = await bundleWorker()
  const plan = {
    urls: fakes.urls,
    redisUrl: server.url,
    queueName,
    concurrency: 6,
    feishuChats: 10,
    feishuAppLimit: 45,
    geweAccounts: 6,
    geweGapMs: 100,
    geweJitterMs: 50,
    slowGeweGapMs: 1900,
    guardMs,
    fxiaokeLimit: 40,
    neteaseLimit: 60,
    burstChats: 45,
    burstGuardMs,
  }
  let spawned = 0
  const fleet: Fleet = {
    server,
    fakes,
    outbox: createOutbox({ connection: server.url, queueName, attempts: 10 }),
    admin: createOutboxAdmin({ connection: server.url, queueName }),
    plan,
    workers: new Map(),
    everyWorker: [],
    killed: new Set(),
    async spawnWorker() {
      spawned += 1
      const worker = await startWorker(script, `worker-${spawned}`, plan)
      fleet.workers.set(worker.name, worker)
      fleet.everyWorker.push(worker)
      return worker
    },
    async kill(name) {
      const worker = name ? fleet.workers.get(name) : undefined
      if (!worker || fleet.killed.has(worker.name)) return
      fleet.killed.add(worker.name)
      await worker.kill()
      fleet.workers.delete(worker.name)
    },
    async close() {
      await Promise.all([...fleet.workers.values()].map((worker) => worker.close()))
      await fleet.outbox.close()
      await fleet.admin.close()
      await fakes.close()
      await server.stop()
    },
  }
  await Promise.all([fleet.spawnWorker(), fleet.spawnWorker(), fleet.spawnWorker(), fleet.spawnWorker()])
  return fleet
}

/**
 * The true "unknown" window: the fake holds the message's request, the worker that sent it is
 * SIGKILLed, then the fake commits the message; a fresh worker replaces the killed one.
 */
export async function killWhileHeld(fleet: Fleet, message: PlannedMessage): Promise<void> {
  const hold = fleet.fakes.hold(message.id)
  await fleet.outbox.enqueue({ id: message.id, sender: message.sender, payload: message.id })
  const worker = await Promise.race([hold.arrived, sleep(20_000).then(() => 'none')])
  if (worker === 'none') throw new Error(`${message.id} never reached the fake`)
  await fleet.kill(worker)
  hold.release()
  await fleet.spawnWorker()
}

/**
 * Before the request leaves: waits until a message of `sender` sleeps more than 500 ms for its lane
 * turn, SIGKILLs that worker, starts a fresh one, and returns the message id.
 */
export async function killWhileWaitingForTurn(fleet: Fleet, sender: string): Promise<string> {
  const waiting = await Promise.race(
    [...fleet.workers.values()].map((worker) =>
      worker
        .waitFor(
          (event) => event.sender === sender && event.type === 'lane-wait' && (event.delayMs ?? 0) > 500,
          30_000,
        )
        .then(
          (event) => ({ worker, id: event.id }),
          () => undefined,
        ),
    ),
  )
  if (!waiting) throw new Error(`no ${sender} message waited for its lane turn`)
  await fleet.kill(waiting.worker.name)
  await fleet.spawnWorker()
  return waiting.id
}
