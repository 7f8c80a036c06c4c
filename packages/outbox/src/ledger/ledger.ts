import type { Redis } from 'ioredis'
import type { OutboxKeys } from '../outbox-keys.js'
import { redisScript } from '../redis-script.js'
import {
  claimScript,
  createScript,
  finishScript,
  resolveScript,
  settleScript,
  unclaimScript,
} from './ledger-scripts.js'
import type { LedgerState } from './ledger-states.js'

const scripts = {
  create: redisScript(createScript),
  claim: redisScript(claimScript),
  unclaim: redisScript(unclaimScript),
  finish: redisScript(finishScript),
  settle: redisScript(settleScript),
  resolve: redisScript(resolveScript),
}

/** The outcome of claiming a message for one attempt. */
export type ClaimResult =
  | { outcome: 'claimed'; key: string; attempts: number; now: number }
  | { outcome: 'sent' | 'dead' | 'unknown' | 'missing' }
  /** Not claimed, nothing changed; `waitMs`: a rate lane is full for that long. */
  | { outcome: 'late'; waitMs?: number }
  | { outcome: 'parked'; reason: string }

/** A rate lane as the claim checks it: its index among the send's lanes names the owner's entry. */
export interface ClaimLane {
  name: string
  limit: number
  windowMs: number
  index: number
}

/** How an attempt ended, as the worker reports it. */
export type AttemptEnd =
  | { to: 'sent'; messageId?: string | undefined }
  | { to: 'not-sent'; error: string; mayHaveSent: boolean }
  | { to: 'unknown'; error: string }
  | { to: 'dead'; reason: string }

/** The ledger of one outbox: atomic transitions on the per-message hashes. */
export interface Ledger {
  create(
    id: string,
    sender: string,
    key: string,
    by: string,
  ): Promise<{ created: boolean; state: LedgerState; key: string }>
  state(id: string): Promise<LedgerState | undefined>
  /**
   * `notAfter` (Redis clock, ms): refuse with `late` past this time. `rateLanes`: refuse with `late`
   * if one of them already holds `limit` claims within `windowMs`; else the claim is logged on each.
   */
  claim(
    id: string,
    owner: string,
    dedupWindowMs: number,
    by: string,
    notAfter?: number,
    rateLanes?: readonly ClaimLane[],
  ): Promise<ClaimResult>
  /** Undoes `owner`'s claim when nothing was sent (it came too late to send): true if undone. */
  unclaim(id: string, owner: string, by: string, note: string): Promise<boolean>
  finish(id: string, owner: string, end: AttemptEnd, by: string): Promise<boolean>
  settle(id: string, by: string, note: string): Promise<string>
  resolve(
    id: string,
    action: 'sent' | 'resend',
    by: string,
    note: string,
    newKey: string,
  ): Promise<{ ok: boolean; state: string }>
}

function endFields(end: AttemptEnd): { note: string; fields: Record<string, string | number> } {
  switch (end.to) {
    case 'sent':
      return { note: 'vendor accepted', fields: end.messageId ? { messageId: end.messageId } : {} }
    case 'not-sent':
      return {
        note: end.error,
        fields: { lastError: end.error, ...(end.mayHaveSent ? { mayHaveSent: 1 } : {}) },
      }
    case 'unknown':
      return { note: end.error, fields: { lastError: end.error } }
    case 'dead':
      return { note: end.reason, fields: { lastError: end.reason, reason: end.reason } }
  }
}

/** The ledger over one Redis connection (commands queue while it reconnects). */
export function createLedger(redis: Redis, keys: OutboxKeys): Ledger {
  const base = keys.base
  return {
    async create(id, sender, key, by) {
      const [created, state, frozen] = (await scripts.create.run(
        redis,
        [keys.ledger(id)],
        [base, id, sender, key, by],
      )) as [number, LedgerState, string]
      return { created: created === 1, state, key: frozen }
    },
    async state(id) {
      return ((await redis.hget(keys.ledger(id), 'state')) ?? undefined) as LedgerState | undefined
    },
    async claim(id, owner, dedupWindowMs, by, notAfter = 0, rateLanes = []) {
      const window = Number.isFinite(dedupWindowMs) ? Math.max(0, Math.floor(dedupWindowMs)) : -1
      const lanes = rateLanes.flatMap((lane) => [lane.name, lane.limit, lane.windowMs, lane.index])
      const reply = (await scripts.claim.run(
        redis,
        [keys.ledger(id)],
        [base, id, owner, window, by, notAfter, rateLanes.length, ...lanes],
      )) as string[]
      const [outcome] = reply
      if (outcome === 'claimed')
        return { outcome, key: reply[1] ?? '', attempts: Number(reply[2]), now: Number(reply[3]) }
      if (outcome === 'parked') return { outcome, reason: reply[1] ?? '' }
      if (outcome === 'late')
        return reply[1] === undefined ? { outcome } : { outcome, waitMs: Number(reply[1]) }
      return { outcome: outcome as 'sent' | 'dead' | 'unknown' | 'missing' }
    },
    async unclaim(id, owner, by, note) {
      const undone = await scripts.unclaim.run(redis, [keys.ledger(id)], [base, id, owner, by, note])
      return undone === 1
    },
    async finish(id, owner, end, by) {
      const { note, fields } = endFields(end)
      const [applied] = (await scripts.finish.run(
        redis,
        [keys.ledger(id)],
        [base, id, owner, end.to, by, note, JSON.stringify(fields)],
      )) as [number]
      return applied === 1
    },
    async settle(id, by, note) {
      return (await scripts.settle.run(redis, [keys.ledger(id)], [base, id, by, note])) as string
    },
    async resolve(id, action, by, note, newKey) {
      const [ok, state] = (await scripts.resolve.run(
        redis,
        [keys.ledger(id)],
        [base, id, action, by, note, newKey],
      )) as [number, string]
      return { ok: ok === 1, state }
    },
  }
}
