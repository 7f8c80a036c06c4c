import type { Delivery, MsgError, Vendor } from '../errors/msg-error.js'
import { NetworkError } from '../errors/network-error.js'
import { redactHeaders, redactText, redactUrl, redactValue } from '../redaction/redact.js'
import { isBrowserRuntime, sleep } from '../runtime/runtime.js'
import {
  errorForAttemptFailure,
  errorForPreparation,
  errorForUnreadableResponse,
  type FailureContext,
} from './attempt-failure.js'
import { fetchAttempt } from './fetch-attempt.js'
import { describeRequest, type HttpResponse, type RequestContext } from './http-response.js'
import { resolveRetry, retryWait } from './retry-policy.js'
import type { CallOptions, TransportHooks, TransportSettings } from './transport-settings.js'

/** How a vendor package configures its transport. */
export interface HttpClientConfig {
  vendor: Vendor
  /** The vendor package's version, for the `msg-<vendor>/<version>` user agent. */
  version: string
  defaultBaseURL: string
  settings: TransportSettings
  /** The secret values in use right now (tokens, app secrets), redacted from every message and hook. */
  secrets?: () => Iterable<string>
}

/** One logical call: the transport makes one or more attempts of it. */
export interface HttpRequest<Result> {
  /** The client method, e.g. `message.send`, for messages and hooks. */
  operation: string
  method?: 'POST' | 'GET'
  /** Path below the base URL, already encoded, without query. */
  path: string
  /** Query parameters, computed afresh for every attempt. */
  query?: () => Record<string, string>
  /** Headers computed afresh for every attempt (tokens, signatures). */
  headers?: (attempt: number) => Record<string, string> | Promise<Record<string, string>>
  /** JSON body, serialised once and sent unchanged on every attempt. */
  body?: unknown
  /** True only when a key the vendor de-duplicates on covers this request, so 5xx/timeouts may be retried. */
  idempotent?: boolean
  /** Turns a response into the result, or throws the right `MsgError`. */
  read: (response: HttpResponse, context: RequestContext) => Result
  options?: CallOptions | undefined
}

/** The one transport every vendor package uses. */
export interface HttpClient {
  readonly vendor: Vendor
  send<Result>(request: HttpRequest<Result>): Promise<Result>
  /** Redacts known secret values and credential patterns from text. */
  redact(text: string): string
  /** Reports a degraded-but-working condition through `hooks.warning` (default `console.warn`). */
  warn(message: string): void
}

function withQuery(url: string, query: Record<string, string> | undefined): string {
  const search = query ? new URLSearchParams(query).toString() : ''
  return search === '' ? url : `${url}?${search}`
}

function observe<Event>(hook: ((event: Event) => void) | undefined, event: () => Event): void {
  if (!hook) return
  try {
    hook(event())
  } catch {
    // Observers must never break a send.
  }
}

/**
 * Creates the transport a vendor package sends through: `fetch` with a per-attempt timeout, exact
 * JSON, every failure converted into the `MsgError` family, and retries only where they cannot
 * duplicate a message (see `retryWait`).
 * @see @msg/core README.md#transport-settings
 */
export function createHttpClient(config: HttpClientConfig): HttpClient {
  const { vendor, settings } = config
  const secrets = (): Iterable<string> => config.secrets?.() ?? []
  const redact = (text: string) => redactText(text, secrets())
  const hooks: TransportHooks = settings.hooks ?? {}
  const retry = resolveRetry(settings.retry)
  const userAgent = isBrowserRuntime() ? undefined : `msg-${vendor}/${config.version}`

  async function buildHeaders(
    request: HttpRequest<unknown>,
    attempt: number,
    hasBody: boolean,
  ): Promise<Headers> {
    const headers = new Headers()
    if (userAgent) headers.set('user-agent', userAgent)
    if (hasBody) headers.set('content-type', 'application/json; charset=utf-8')
    for (const extra of [settings.headers, await request.headers?.(attempt), request.options?.headers]) {
      if (extra) for (const [name, value] of Object.entries(extra)) headers.set(name, value)
    }
    return headers
  }

  async function send<Result>(request: HttpRequest<Result>): Promise<Result> {
    const method = request.method ?? 'POST'
    const base = (settings.baseURL ?? config.defaultBaseURL).replace(/\/+$/, '')
    const context: RequestContext = {
      vendor,
      operation: request.operation,
      method,
      path: request.path,
      redact,
    }
    const timeout = request.options?.timeout ?? settings.timeout ?? 10_000
    const failureContext: FailureContext = { vendor, where: describeRequest(context), redact, timeout }
    const body = request.body === undefined ? undefined : JSON.stringify(request.body)
    const signal = request.options?.signal
    const event = { vendor, operation: request.operation, method, url: '', attempt: 0 }
    let ambiguous = false

    const finish = (failure: MsgError): MsgError => {
      if (ambiguous && failure.delivery === 'not-sent') {
        // An earlier attempt may have been delivered: the call as a whole is ambiguous.
        ;(failure as { delivery: Delivery }).delivery = 'unknown'
      }
      observe(hooks.error, () => ({ ...event, error: failure }))
      return failure
    }

    for (let attempt = 0; ; attempt++) {
      event.attempt = attempt
      let failure: MsgError
      try {
        if (signal?.aborted) throw signal.reason
        const url = withQuery(`${base}${request.path}`, request.query?.())
        const headers = await buildHeaders(request, attempt, body !== undefined)
        // Events only reach hooks: without any, the redacted URL is not worth computing.
        if (hooks.request || hooks.response || hooks.error) event.url = redactUrl(url, secrets())
        observe(hooks.request, () => ({
          ...event,
          headers: redactHeaders(headers, secrets()),
          body: redactValue(request.body, secrets()),
        }))
        const startedAt = Date.now()
        const result = await fetchAttempt(
          settings.fetch ?? globalThis.fetch,
          url,
          { method, headers, body },
          timeout,
          signal,
        )
        if (!result.ok) {
          failure = errorForAttemptFailure(result.failure, failureContext)
        } else {
          const { response } = result
          observe(hooks.response, () => ({
            ...event,
            status: response.status,
            headers: redactHeaders(response.headers, secrets()),
            body: response.malformed
              ? redact(response.text.slice(0, 2000))
              : redactValue(response.body, secrets()),
            durationMs: Date.now() - startedAt,
          }))
          try {
            return request.read(response, context)
          } catch (error) {
            failure = errorForUnreadableResponse(error, response.status, failureContext)
          }
        }
      } catch (error) {
        if (signal?.aborted) failure = abortedBeforeSending(failureContext, error)
        else throw finish(errorForPreparation(error, failureContext))
      }
      if (failure.delivery === 'unknown') ambiguous = true
      const wait = signal?.aborted
        ? undefined
        : retryWait(failure, request.idempotent === true, retry, attempt + 1)
      if (wait === undefined || attempt >= retry.limit) throw finish(failure)
      try {
        await sleep(wait, signal)
      } catch (error) {
        throw finish(abortedBeforeSending(failureContext, error))
      }
    }
  }

  return {
    vendor,
    send,
    redact,
    warn(message) {
      const text = `[@msg/${vendor}] ${redact(message)}`
      if (hooks.warning) hooks.warning({ vendor, message: text })
      else console.warn(text)
    },
  }
}

/** The caller aborted while no request was out (before the first attempt or during a wait). */
function abortedBeforeSending(context: FailureContext, cause: unknown): MsgError {
  return new NetworkError({
    vendor: context.vendor,
    message: `${context.where}: aborted by the caller`,
    cause,
  })
}
