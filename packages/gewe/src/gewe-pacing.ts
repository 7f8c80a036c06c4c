import { NetworkError, sleep } from '@msg/core'
import type { GewePacingSettings } from './gewe-settings.js'

/**
 * Runs sends one at a time per key (the `appId`), each starting at least `gapMs` plus a random
 * jitter after the previous one finished. Order is the order of `run` calls; keys never wait
 * for each other. WeChat restricts accounts that send in bursts, and GeWe's own guidance is a
 * strictly serial queue with about 1 s between contacts.
 * @see https://doc.geweapi.com/ (账号规范/账号规范之风险)
 */
export interface Pacer {
  /** `where` names the call (`message.postText POST /message/postText`) in an abort error. */
  run<Result>(
    key: string,
    where: string,
    signal: AbortSignal | undefined,
    task: () => Promise<Result>,
  ): Promise<Result>
}

interface Lane {
  /** Settles when every send queued so far on this lane has finished (or left the queue). */
  tail: Promise<void>
  /** Epoch milliseconds before which the next send may not start. */
  notBefore: number
  /** Sends queued or running on this lane. */
  pending: number
}

/** A pacer that does not pace (`pacing: false`). */
const unpaced: Pacer = { run: (_key, _where, _signal, task) => task() }

/** Waits for `promise`, or rejects as soon as `signal` aborts. */
function until(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    void promise.then(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    })
  })
}

/**
 * Creates the per-appId pacer (or a pass-through one for `false`).
 * @see https://doc.geweapi.com/ (账号规范/账号规范之风险)
 */
export function createPacer(settings: GewePacingSettings | false | undefined): Pacer {
  if (settings === false) return unpaced
  const gapMs = settings?.gapMs ?? 1000
  const jitterMs = settings?.jitterMs ?? 1000
  const random = settings?.random ?? Math.random
  const lanes = new Map<string, Lane>()
  // Keeps a long-lived client with many appIds from growing: idle lanes past their gap carry nothing.
  const forgetIdleLanes = () => {
    for (const [key, lane] of lanes) if (lane.pending === 0 && lane.notBefore <= Date.now()) lanes.delete(key)
  }

  return {
    async run(key, where, signal, task) {
      if (lanes.size > 64) forgetIdleLanes()
      const lane = lanes.get(key) ?? { tail: Promise.resolve(), notBefore: 0, pending: 0 }
      lanes.set(key, lane)
      lane.pending++
      const previous = lane.tail
      let release!: () => void
      const mine = new Promise<void>((resolve) => {
        release = resolve
      })
      lane.tail = previous.then(() => mine)
      try {
        try {
          await until(previous, signal)
          const wait = lane.notBefore - Date.now()
          if (wait > 0) await sleep(wait, signal)
        } catch (cause) {
          throw new NetworkError({
            vendor: 'gewe',
            message: `${where}: aborted by the caller while waiting for account-safe pacing; nothing was sent`,
            delivery: 'not-sent',
            cause,
          })
        }
        try {
          return await task()
        } finally {
          lane.notBefore = Date.now() + gapMs + Math.floor(random() * jitterMs)
        }
      } finally {
        lane.pending--
        release()
      }
    },
  }
}
