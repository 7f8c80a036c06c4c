import type { MsgError } from '@msg/core'
import { type HarnessFault, serveWithFaults } from '../harness/faulty-server.js'
import type { VendorKit } from '../harness/vendor-kit.js'

/** Where a fault is injected: into the vendor fake (its own fault kinds) or in front of it. */
export type Injection =
  | { at: 'fake'; fault: { kind: string; [field: string]: unknown }; times: number; on?: 'send' | 'token' }
  | { at: 'harness'; fault: HarnessFault; times: number; on?: 'send' | 'token' }

/** What one call did, as the matrix records it. */
export interface Outcome {
  /** `'sent'`, or the error class name. */
  result: string
  delivery?: 'not-sent' | 'unknown'
  retryable?: boolean
  /** Message requests that reached the server for this call (retries included). */
  sendRequests: number
  /** Messages the fake accepted for this call (more than 1 would be a duplicate send). */
  delivered: number
  /** Token requests this call caused. */
  tokenRequests: number
}

/** The outcome plus what the audit and the recovery check need. */
export interface CellRun {
  outcome: Outcome
  /** A later call on the same client succeeded and was delivered once. */
  recovered: boolean
  /** Every text the caller could see or log: error message, toString, JSON, hook payloads, console lines. */
  outputs: string[]
  /** The secret values in play (configured and seen on the wire). */
  secrets: string[]
  /** The secret values seen on the wire (tokens, checksums, static tokens). */
  wireSecrets: string[]
}

/** Settings every matrix client gets: a short timeout and a fast, bounded retry budget. */
export const matrixTransport = { timeout: 1000, retry: { limit: 2, backoffLimit: 20, maxRetryAfter: 5_000 } }

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const

function captureConsole(outputs: string[]): () => void {
  const originals = consoleMethods.map((name) => console[name])
  for (const name of consoleMethods) {
    console[name] = (...parts: unknown[]) => {
      outputs.push(parts.map((part) => (part instanceof Error ? `${part.stack}` : String(part))).join(' '))
    }
  }
  return () => {
    consoleMethods.forEach((name, index) => {
      console[name] = originals[index] as (typeof console)[typeof name]
    })
  }
}

/**
 * Runs one cell: a fresh fake served on 127.0.0.1, a fresh client (warmed with one send when `warm`),
 * the injections, one `sendText`, a wait for late (delayed) requests to land, then a recovery send.
 */
export async function runCell(kit: VendorKit, injections: Injection[], warm: boolean): Promise<CellRun> {
  const fake = kit.createFake()
  const server = await serveWithFaults(fake.handle)
  const outputs: string[] = []
  const restoreConsole = captureConsole(outputs)
  const record = (event: unknown) => outputs.push(JSON.stringify(event))
  try {
    const sender = kit.createSender(server.url, {
      ...matrixTransport,
      fetch: server.fetch,
      hooks: {
        request: record,
        response: record,
        warning: record,
        error: (event) => record({ ...event, error: String(event.error) }),
      },
    })
    if (warm) await sender.sendText('warm-up')
    const sendRequests = () => server.seen.filter((path) => kit.isSendPath(path)).length
    const tokenRequests = () => server.seen.filter((path) => !kit.isSendPath(path)).length
    const before = { sends: sendRequests(), tokens: tokenRequests(), inbox: fake.inbox.length }
    for (const injection of injections) {
      const token = injection.on === 'token'
      const match = (request: Request) => kit.isTokenRequest(request) === token
      if (injection.at === 'fake') fake.inject(injection.fault, { times: injection.times, match })
      else server.inject(injection.fault, injection.times, match)
    }
    let outcome: Outcome
    try {
      await sender.sendText('fault matrix message')
      outcome = { result: 'sent', sendRequests: 0, delivered: 0, tokenRequests: 0 }
    } catch (caught) {
      const error = caught as MsgError & { retryable?: boolean }
      outputs.push(error.message, String(error), JSON.stringify(error), String(error.stack))
      outcome = {
        result: error.name,
        ...(error.delivery ? { delivery: error.delivery } : {}),
        ...(typeof error.retryable === 'boolean' ? { retryable: error.retryable } : {}),
        sendRequests: 0,
        delivered: 0,
        tokenRequests: 0,
      }
    }
    const slowest = Math.max(
      0,
      ...injections.map((injection) => Number((injection.fault as { ms?: number }).ms ?? 0)),
    )
    if (slowest > 0) await new Promise((resolve) => setTimeout(resolve, slowest + 100))
    outcome.sendRequests = sendRequests() - before.sends
    outcome.delivered = fake.inbox.length - before.inbox
    outcome.tokenRequests = tokenRequests() - before.tokens
    const inboxBefore = fake.inbox.length
    const recovered = await sender.sendText('after the fault').then(
      () => fake.inbox.length === inboxBefore + 1,
      (error: Error) => {
        outputs.push(error.message, String(error), JSON.stringify(error))
        return false
      },
    )
    const wireSecrets = kit.wireSecrets(fake)
    return {
      outcome,
      recovered,
      outputs,
      secrets: [...new Set([...kit.configuredSecrets, ...wireSecrets])],
      wireSecrets,
    }
  } finally {
    restoreConsole()
    await server.close()
  }
}
