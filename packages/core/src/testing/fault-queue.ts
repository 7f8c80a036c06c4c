import { sleep } from '../runtime/runtime.js'
import { type DropPoint, dropConnection, htmlResponse } from './faults.js'

/** Faults every fake understands; vendors add their own (`rate-limit`, `token-expired`, `code`, …). */
export type CommonFault =
  /** Answer normally, but only after `ms`. */
  | { kind: 'delay'; ms: number }
  /** A gateway HTML page with this status (default 502). */
  | { kind: 'html'; status?: number }
  /** HTTP 200 with truncated JSON. */
  | { kind: 'broken-body' }
  /** Cut the connection (default before any response byte). */
  | { kind: 'drop'; point?: DropPoint }

/** When an injected fault applies. */
export interface InjectOptions {
  /** How many matching requests it affects. Default 1. */
  times?: number
  /** Only requests this returns true for (e.g. one path). Default: every request. */
  match?: (request: Request) => boolean
}

/** A queue of injected faults, consumed by matching requests in injection order. */
export interface FaultQueue<Fault> {
  inject(fault: Fault, options?: InjectOptions): void
  /** The fault for this request, if any (and counts it). */
  take(request: Request): Fault | undefined
  clear(): void
}

/** Creates a {@link FaultQueue} for a fake vendor. */
export function createFaultQueue<Fault>(): FaultQueue<Fault> {
  let rules: { fault: Fault; left: number; match: (request: Request) => boolean }[] = []
  return {
    inject(fault, options = {}) {
      rules.push({ fault, left: options.times ?? 1, match: options.match ?? (() => true) })
    },
    take(request) {
      const rule = rules.find((candidate) => candidate.left > 0 && candidate.match(request))
      if (!rule) return undefined
      rule.left--
      rules = rules.filter((candidate) => candidate.left > 0)
      return rule.fault
    },
    clear() {
      rules = []
    },
  }
}

/**
 * Applies a common fault: returns the faulty response, or `undefined` when the fault is not a
 * common one. `delay` waits and then returns `answer()`.
 */
export async function applyCommonFault(
  fault: CommonFault | { kind: string },
  answer: () => Promise<Response>,
): Promise<Response | undefined> {
  const common = fault as CommonFault
  switch (common.kind) {
    case 'delay':
      await sleep(common.ms)
      return answer()
    case 'html':
      return htmlResponse(common.status ?? 502)
    case 'broken-body':
      return new Response('{"code":0,"data":{"message_id":', {
        headers: { 'content-type': 'application/json' },
      })
    case 'drop':
      return dropConnection(common.point ?? 'before-response')
    default:
      return undefined
  }
}
