import type { Lanes, LaneTiming } from '../lanes/lanes.js'
import type { Ledger } from '../ledger/ledger.js'
import type { OutboxEvent } from '../outbox-job.js'
import type { OutboxSender } from '../outbox-sender.js'

/** What the job processor of one worker needs. */
export interface WorkerContext {
  workerId: string
  ledger: Ledger
  lanes: Lanes
  senders: Readonly<Record<string, OutboxSender>>
  timing: LaneTiming
  sendTimeoutMs: number
  rateLimitDelayMs: number
  /** Aborts when the worker is closing: lane waits end and the job is handed back. */
  stopping: AbortSignal
  emit(event: OutboxEvent): void
  /**
   * Per primary lane: the first send of this process, while it runs. The client fetches its token
   * inside that send; sends started meanwhile wait for it before taking a turn, or they would all
   * leave together when the token arrives, bunched past the lane's guard band.
   */
  warming: Map<string, Promise<void>>
  /** Primary lanes whose first send in this process has finished. */
  warm: Set<string>
}
