import type { HttpHandler } from 'msw'
import { createFaultQueue, type InjectOptions } from './fault-queue.js'
import { type FetchHandler, toFetch } from './faults.js'
import { mswHandlersFor } from './msw-handlers.js'
import { type RecordedRequest, recordRequest } from './recorded-request.js'

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

/**
 * What a vendor's fake supplies to {@link createVendorFake}: how it answers, and its own state.
 * @see @msg/core README.md#testing
 */
export interface VendorFakeSpec<Fault> {
  /** The vendor's own base URL: the default of `mswHandlers()`. */
  defaultBaseURL: string
  /** Answers one request, already recorded, with the fault injected for it (if any) taken from the queue. */
  answer(request: Request, recorded: RecordedRequest, fault: Fault | undefined): Promise<Response>
  /** The requests an injected fault applies to when `inject` is given no `match` (default: every request). */
  faultScope?: (request: Request) => boolean
  /** Clears the vendor's own state; `reset()` empties the inbox, the request log and the faults itself. */
  reset?(): void
}

/**
 * The parts every vendor fake shares, built once: the handler (which records each request, takes its
 * fault and hands both to `spec.answer`), the same as a `fetch` and as msw handlers, the inbox, the
 * request log, fault injection and `reset`. A vendor's `create<Vendor>Fake` spreads it and adds its own.
 * @see @msg/core README.md#testing
 */
export function createVendorFake<Inbox, Fault>(
  spec: VendorFakeSpec<Fault>,
): VendorFake<Inbox, Fault> & { mswHandlers(baseURL?: string): HttpHandler[] } {
  const faults = createFaultQueue<Fault>()
  const inbox: Inbox[] = []
  const requests: RecordedRequest[] = []
  const handle: FetchHandler = async (request) => {
    const recorded = await recordRequest(request)
    requests.push(recorded)
    return spec.answer(request, recorded, faults.take(request))
  }
  return {
    handle,
    fetch: toFetch(handle),
    mswHandlers: (baseURL = spec.defaultBaseURL) => mswHandlersFor(handle, baseURL),
    inbox,
    requests,
    inject(fault, options = {}) {
      faults.inject(fault, { ...options, match: options.match ?? spec.faultScope ?? (() => true) })
    },
    reset() {
      inbox.length = 0
      requests.length = 0
      faults.clear()
      spec.reset?.()
    },
  }
}
