import type { LedgerState } from '../ledger/ledger-states.js'

/**
 * One message's ledger entry, as operators see it.
 * @see ../../README.md#operations
 */
export interface LedgerEntry {
  id: string
  sender: string
  state: LedgerState
  /** Attempts that reached the point of sending. */
  attempts: number
  enqueuedAt: number
  firstAttemptAt?: number
  updatedAt: number
  sentAt?: number
  messageId?: string
  /** The last error (for `unknown`, why delivery is in doubt). */
  lastError?: string
  /** Why a `dead` message was refused. */
  reason?: string
  resolvedBy?: string
}

/**
 * One step in a message's audit trail (newest last, the last 100 kept).
 * @see ../../README.md#operations
 */
export interface AuditEntry {
  at: number
  from: string
  to: string
  by: string
  note: string
}

const numeric = ['attempts', 'enqueuedAt', 'firstAttemptAt', 'updatedAt', 'sentAt'] as const

/** Reads a ledger hash into a {@link LedgerEntry}. */
export function toLedgerEntry(hash: Record<string, string>): LedgerEntry {
  const entry: Record<string, unknown> = {}
  for (const name of ['id', 'sender', 'state', 'messageId', 'lastError', 'reason', 'resolvedBy'])
    if (hash[name] !== undefined) entry[name] = hash[name]
  for (const name of numeric) if (hash[name] !== undefined) entry[name] = Number(hash[name])
  return entry as unknown as LedgerEntry
}
