import { ValidationError } from '@msg/core'

/** Where an outbox lives in Redis: BullMQ's prefix and queue name. */
export interface OutboxLocation {
  /** The BullMQ queue name. Default `msg-outbox`. */
  queueName?: string
  /** BullMQ's key prefix. Default `bull`. */
  prefix?: string
}

/** The key names of one outbox: BullMQ's own, plus the ledger and lanes beside them. */
export interface OutboxKeys {
  queueName: string
  prefix: string
  /** Base of the ledger and lane keys: `<prefix>:<queueName>:msg`. */
  base: string
  ledger(id: string): string
  audit(id: string): string
  state(state: string): string
  lane(name: string): string
}

/** Resolves the key names for an outbox location. */
export function outboxKeys(location: OutboxLocation = {}): OutboxKeys {
  const queueName = location.queueName ?? 'msg-outbox'
  const prefix = location.prefix ?? 'bull'
  const base = `${prefix}:${queueName}:msg`
  return {
    queueName,
    prefix,
    base,
    ledger: (id) => `${base}:ledger:${id}`,
    audit: (id) => `${base}:audit:${id}`,
    state: (state) => `${base}:state:${state}`,
    lane: (name) => `${base}:lane:${name}`,
  }
}

const idPattern = /^[A-Za-z0-9_.-]{1,128}$/

/** Checks a message id (it becomes part of a BullMQ job id and of Redis keys). */
export function assertMessageId(id: unknown): asserts id is string {
  if (typeof id === 'string' && idPattern.test(id) && !/^\d+$/.test(id)) return
  throw new ValidationError({
    vendor: 'core',
    message:
      'enqueue: invalid message id, nothing was queued: 1-128 of A-Z a-z 0-9 _ . - and not only digits',
    issues: [{ path: 'id', message: 'must be 1-128 of A-Z a-z 0-9 _ . - and not only digits' }],
  })
}

/** The BullMQ job id of a message: `m-<id>` (BullMQ refuses `:` and all-digit ids). */
export function jobIdOf(id: string): string {
  return `m-${id}`
}
