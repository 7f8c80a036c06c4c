import ky from 'ky'
import { type Delivery, MsgError, type Vendor } from '../errors/msg-error.js'
import { NetworkError } from '../errors/network-error.js'
import { RateLimitError } from '../errors/rate-limit-error.js'
import { ResponseError } from '../errors/response-error.js'
import { TimeoutError } from '../errors/timeout-error.js'
import { VendorError } from '../errors/vendor-error.js'
import { parseExactJson } from '../json/exact-json.js'
import { redactHeaders, redactText, redactUrl, redactValue } from '../redaction/redact.js'
import { isBrowserRuntime } from '../runtime/runtime.js'
import { describeRequest, type HttpResponse, type RequestContext } from './http-response.js'
import { failedBeforeWrite, isFetchFailure } from './network-failure.js'
import type { CallOptions, RetrySettings, TransportHooks, TransportSettings } from './transport-settings.js'

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

interface ResolvedRetry {
  limit: number
  maxRetryAfter: number
  backoffLimit: number
}

function resolveRetry(retry: number | RetrySettings | undefined): ResolvedRetry {
  const settings = typeof retry === 'number' ? { limit: retry } : (retry ?? {})
  return {
    limit: settings.limit ?? 2,
    maxRetryAfter: settings.maxRetryAfter ?? 60_000,
    backoffLimit: settings.backoffLimit ?? 10_000,
  }
}

/** How long to wait before retrying after this failure: a number, 'backoff', or undefined for "do not". */
function retryWait(
  error: MsgError,
  idempotent: boolean,
  retry: ResolvedRetry,
): number | 'backoff' | undefined {
  if (RateLimitError.isInstance(error)) {
    if (error.retryAfterMs === undefined) return 'backoff'
    return error.retryAfterMs <= retry.maxRetryAfter ? error.retryAfterMs : undefined
  }
  if (!idempotent || error.delivery !== 'unknown') return undefined
  if (VendorError.isInstance(error)) return error.retryable ? 'backoff' : undefined
  if (ResponseError.isInstance(error))
    return error.status >= 500 || error.status === 408 ? 'backoff' : undefined
  return undefined
}

function withQuery(url: string, query: Record<string, string> | undefined): string {
  if (!query) return url
  const search = new URLSearchParams(query).toString()
  return search === '' ? url : `${url}?${search}`
}

function parseBody(status: number, headers: Headers, text: string): HttpResponse {
  if (text.trim() === '') return { status, headers, text, body: undefined, malformed: true }
  try {
    return { status, headers, text, body: parseExactJson(text), malformed: false }
  } catch {
    return { status, headers, text, body: undefined, malformed: true }
  }
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
 * Creates the transport a vendor package sends through: ky underneath, exact JSON, every failure
 * converted into the `MsgError` family, retries only where they cannot duplicate a message.
 * @see https://github.com/sindresorhus/ky#readme
 */
export function createHttpClient(config: HttpClientConfig): HttpClient {
  const { vendor, settings } = config
  const secrets = (): Iterable<string> => config.secrets?.() ?? []
  const redact = (text: string) => redactText(text, secrets())
  const hooks: TransportHooks = settings.hooks ?? {}
  const retry = resolveRetry(settings.retry)
  const userAgent = isBrowserRuntime() ? undefined : `msg-${vendor}/${config.version}`

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
    const where = describeRequest(context)
    const bodyText = request.body === undefined ? undefined : JSON.stringify(request.body)
    const idempotent = request.idempotent === true
    const signal = request.options?.signal
    const timeout = request.options?.timeout ?? settings.timeout ?? 10_000
    let outcome: { value: Result } | undefined
    let lastFailure: MsgError | undefined
    let ambiguous = false
    let inFlight = false
    let attempt = 0
    let url = ''
    let startedAt = 0

    const fail = (error: MsgError): MsgError => {
      if (error.delivery === 'unknown') ambiguous = true
      lastFailure = error
      return error
    }

    const convert = (error: unknown): MsgError => {
      if (MsgError.isInstance(error)) return error
      const cause = (error as { cause?: unknown } | undefined)?.cause
      if ((error as Error | undefined)?.name === 'ForceRetryError' && MsgError.isInstance(cause)) return cause
      if (signal?.aborted) {
        const delivery: Delivery = inFlight ? 'unknown' : (lastFailure?.delivery ?? 'not-sent')
        return new NetworkError({
          vendor,
          message: `${where}: aborted by the caller`,
          delivery,
          cause: error,
        })
      }
      if ((error as Error | undefined)?.name === 'TimeoutError') {
        return new TimeoutError({
          vendor,
          message: `${where}: no response within ${timeout} ms`,
          timeoutMs: timeout,
          cause: error,
        })
      }
      if (isFetchFailure(error)) {
        const before = failedBeforeWrite(error)
        const reason = redact(String((error as Error).message ?? error))
        return new NetworkError({
          vendor,
          message: `${where}: ${before ? 'connection failed before sending' : 'connection failed'} (${reason})`,
          delivery: before ? 'not-sent' : 'unknown',
          cause: error,
        })
      }
      return new MsgError({
        vendor,
        message: `${where}: ${redact(String((error as Error | undefined)?.message ?? error))}`,
        delivery: inFlight ? 'unknown' : 'not-sent',
        cause: error,
      })
    }

    try {
      const response = await ky(`${base}${request.path}`, {
        method,
        timeout,
        throwHttpErrors: false,
        ...(signal ? { signal } : {}),
        fetch: (input, init) => (settings.fetch ?? globalThis.fetch)(input, init),
        retry: {
          limit: retry.limit,
          methods: ['post', 'get'],
          statusCodes: [],
          afterStatusCodes: [],
          backoffLimit: retry.backoffLimit,
          jitter: true,
          shouldRetry: ({ error }) => {
            const failure = fail(convert(error))
            inFlight = false
            if (!NetworkError.isInstance(failure) || signal?.aborted) return false
            return (!TimeoutError.isInstance(failure) && failure.delivery === 'not-sent') || idempotent
          },
        },
        hooks: {
          beforeRequest: [
            async (kyRequest, _options, state) => {
              attempt = state.retryCount
              const headers = new Headers()
              if (userAgent) headers.set('user-agent', userAgent)
              if (bodyText !== undefined) headers.set('content-type', 'application/json; charset=utf-8')
              for (const extra of [
                settings.headers,
                await request.headers?.(attempt),
                request.options?.headers,
              ]) {
                if (extra) for (const [name, value] of Object.entries(extra)) headers.set(name, value)
              }
              url = withQuery(`${base}${request.path}`, request.query?.())
              observe(hooks.request, () => ({
                vendor,
                operation: request.operation,
                method,
                url: redactUrl(url, secrets()),
                attempt,
                headers: redactHeaders(headers, secrets()),
                body: redactValue(request.body, secrets()),
              }))
              inFlight = true
              startedAt = Date.now()
              return new Request(url, { method, headers, body: bodyText ?? null, signal: kyRequest.signal })
            },
          ],
          afterResponse: [
            async (_request, _options, kyResponse) => {
              const text = await kyResponse.text()
              inFlight = false
              const response = parseBody(kyResponse.status, kyResponse.headers, text)
              observe(hooks.response, () => ({
                vendor,
                operation: request.operation,
                method,
                url: redactUrl(url, secrets()),
                attempt,
                status: response.status,
                headers: redactHeaders(response.headers, secrets()),
                body: response.malformed
                  ? redact(text.slice(0, 2000))
                  : redactValue(response.body, secrets()),
                durationMs: Date.now() - startedAt,
              }))
              try {
                outcome = { value: request.read(response, context) }
                return undefined
              } catch (error) {
                const failure = fail(
                  MsgError.isInstance(error)
                    ? error
                    : new ResponseError({
                        vendor,
                        message: `${where}: could not read the response (${redact(String(error))})`,
                        status: response.status,
                        delivery: 'unknown',
                        cause: error,
                      }),
                )
                const wait = retryWait(failure, idempotent, retry)
                if (wait === undefined) throw failure
                return ky.retry(wait === 'backoff' ? { cause: failure } : { delay: wait, cause: failure })
              }
            },
          ],
        },
      })
      void response.body?.cancel().catch(() => undefined)
      if (!outcome)
        throw new ResponseError({ vendor, message: `${where}: no response body`, status: response.status })
      return outcome.value
    } catch (error) {
      const failure = convert(error)
      if (ambiguous && failure.delivery === 'not-sent') {
        // An earlier attempt may have been delivered: the call as a whole is ambiguous.
        ;(failure as { delivery: Delivery }).delivery = 'unknown'
      }
      observe(hooks.error, () => ({
        vendor,
        operation: request.operation,
        method,
        url: redactUrl(url, secrets()),
        attempt,
        error: failure,
      }))
      throw failure
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
