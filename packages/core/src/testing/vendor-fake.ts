import type { InjectOptions } from './fault-queue.js'
import type { FetchHandler } from './faults.js'
import type { RecordedRequest } from './recorded-request.js'

/**
 * What every vendor's `create<Vendor>Fake()` returns: the fake as a fetch handler, the same as a
 * `fetch` and as msw handlers, what it accepted, every request it saw, and fault injection.
 */
export interface VendorFake<Inbox, Fault> {
  /** Answers one request as the vendor would (credentials checked, faults applied). */
  handle: FetchHandler
  /** `handle` as a `fetch` function, for a client's `fetch` setting. */
  fetch: typeof globalThis.fetch
  /** msw handlers answering every request below `baseURL` (default: the vendor's own base). */
  mswHandlers(baseURL?: string): unknown[]
  /** What the fake accepted as sent, one entry per message. */
  readonly inbox: Inbox[]
  /** Every request seen, in order. */
  readonly requests: RecordedRequest[]
  /** Injects a vendor fault or a `CommonFault`. */
  inject(fault: Fault, options?: InjectOptions): void
  /** Empties the inbox, the request log and the fault queue. */
  reset(): void
}
