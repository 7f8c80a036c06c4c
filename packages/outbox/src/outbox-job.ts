import type { LedgerState } from './ledger/ledger-states.js'
import type { OutboxPayload } from './outbox-payload.js'

/** The data of one outbox job, fixed when it was enqueued. */
export interface OutboxJobData {
  id: string
  sender: string
  payload: OutboxPayload
  /** The de-duplication key frozen at enqueue (the ledger holds the authoritative copy). */
  key: string
  enqueuedAt: number
}

/** What a finished job returns (its BullMQ `returnvalue`). */
export interface OutboxJobResult {
  state: LedgerState
  messageId?: string
}

/**
 * What a worker reports while it works, through its `onEvent` option.
 * @see ../README.md#operations
 */
export interface OutboxEvent {
  type:
    | 'lane-wait'
    | 'late'
    | 'claimed'
    | 'sent'
    | 'skipped'
    | 'rate-limited'
    | 'retry'
    | 'parked'
    | 'dead'
    | 'released'
  id: string
  sender: string
  /** The ledger attempt number (on `claimed`). */
  attempt?: number
  /** How long the job waits for its lane turn (on `lane-wait`), or until it is tried again. */
  delayMs?: number
  /** When the lane turn starts, Redis clock in ms (on `lane-wait` and `late`). */
  at?: number
  /** The error or reason, secret-free. */
  reason?: string
  messageId?: string
}
