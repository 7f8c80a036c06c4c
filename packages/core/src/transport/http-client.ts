import { AuthError } from '../errors/auth-error.js'
import { type MsgError, type Vendor, withDelivery } from '../errors/msg-error.js'
import { redactHeaders, redactText, redactValue } from '../redaction/redact.js'
import { isBrowserRuntime, sleep, untilAborted } from '../runtime/runtime.js'
import {
  abortedBeforeSending,
  errorBeforeSending,
  errorForAttemptFailure,
  errorForUnreadableResponse,
  type FailureContext,
} from './attempt-failure.js'
import { fetchAttempt } from './fetch-attempt.js'
import { describeForm, isFormData } from './form-body.js'
import { observe, withQuery } from './hook-events.js'
import type { HttpClient, HttpClientConfig, HttpRequest } from './http-request.js'
import { describeRequest, type RequestContext } from './http-response.js'
import { createRecentTokens } from './recent-tokens.js'
import type { AttemptCredentials } from './request-auth.js'
import { resolveRetry, retryWait } from './retry-policy.js'
import { invalidSendBy, missedSendBy } from './send-by.js'
import type { TransportHooks } from './transport-settings.js'

/** What goes to `fetch`: JSON text, a FormData passed through untouched, or nothing. */
type RequestBody = string | FormData | undefined

/**
 * One attempt's outcome; `final` failures are never retried, and `missed` ones sent nothing because
 * the call's `sendBy` had passed.
 */
type Attempt<Result> =
  | { ok: true; result: Result }
  | { ok: false; failure: MsgError; final?: boolean; missed?: boolean }

/** What every hook event of one call carries; `url` and `attempt` change per attempt. */
interface CallEvent {
  vendor: Vendor
  operation: string
  method: string
  url: string
  attempt: number
}

const rejectedToken = (failure: MsgError) => AuthError.isInstance(failure) && failure.tokenRejected

/** Tokens remembered for redaction. */
const tokensKept = 16

/**
 * Creates the transport a vendor package sends through: `fetch` with a per-attempt timeout, exact
 * JSON, credentials resolved before every attempt (refreshed once when the vendor rejects a token),
 * every failure converted into the `MsgError` family, and retries only where they cannot duplicate
 * a message (see `retryWait`).
 * @see @msg/core README.md#transport-settings
 */
export function createHttpClient(config: HttpClientConfig): HttpClient {
  const { vendor, settings } = config
  const tokens = createRecentTokens(tokensKept)
  const secrets = (): Iterable<string> => [...(config.secrets?.() ?? []), ...tokens.values()]
  const redact = (text: string) => redactText(text, secrets())
  const hooks: TransportHooks = settings.hooks ?? {}
  const watched = hooks.request !== undefined || hooks.response !== undefined || hooks.error !== undefined
  const retry = resolveRetry(settings.retry)
  const userAgent = isBrowserRuntime() ? undefined : `msg-${vendor}/${config.version}`
  const base = (settings.baseURL ?? config.defaultBaseURL).replace(/\/+$/, '')

  async function attemptOnce<Result>(
    request: HttpRequest<Result>,
    context: RequestContext,
    failureContext: FailureContext,
    event: CallEvent,
    credentials: AttemptCredentials | undefined,
    bodyFor: (credentials: AttemptCredentials | undefined) => { payload: unknown; body: RequestBody },
  ): Promise<Attempt<Result>> {
    const method = context.method
    let url: string
    let body: RequestBody
    let payload: unknown
    // A `Headers` object checks every name and value here, before anything is sent.
    const headers = new Headers()
    try {
      url = withQuery(`${base}${request.path}`, { ...request.query?.(), ...credentials?.query })
      ;({ payload, body } = bodyFor(credentials))
      if (userAgent) headers.set('user-agent', userAgent)
      // A FormData gets its `multipart/form-data; boundary=…` from the runtime: never set one by hand.
      if (typeof body === 'string') headers.set('content-type', 'application/json; charset=utf-8')
      for (const extra of [
        settings.headers,
        request.headers,
        credentials?.headers,
        request.options?.headers,
      ]) {
        if (extra) for (const [name, value] of Object.entries(extra)) headers.set(name, value)
      }
    } catch (error) {
      return { ok: false, failure: errorBeforeSending(error, failureContext), final: true }
    }
    // Checked before the hooks hear of the request, and again after them (a hook may be slow).
    const sendBy = request.options?.sendBy
    const missed = (): Attempt<Result> | undefined =>
      sendBy !== undefined && Date.now() > sendBy
        ? { ok: false, failure: missedSendBy(failureContext, sendBy, Date.now()), final: true, missed: true }
        : undefined
    const early = missed()
    if (early) return early
    // Events only reach hooks: without any, the redacted URL is not worth computing.
    if (watched) event.url = redact(url)
    observe(hooks.request, () => ({
      ...event,
      headers: redactHeaders(headers, secrets()),
      body: redactValue(payload, secrets()),
    }))
    const late = watched ? missed() : undefined
    if (late) return late
    const startedAt = Date.now()
    const fetched = await fetchAttempt(
      settings.fetch ?? globalThis.fetch,
      url,
      { method, headers, body },
      failureContext.timeout,
      request.options?.signal,
    )
    if (!fetched.ok) return { ok: false, failure: errorForAttemptFailure(fetched.failure, failureContext) }
    const { response } = fetched
    observe(hooks.response, () => ({
      ...event,
      status: response.status,
      headers: redactHeaders(response.headers, secrets()),
      body: response.malformed ? redact(response.text.slice(0, 2000)) : redactValue(response.body, secrets()),
      durationMs: Date.now() - startedAt,
    }))
    try {
      return { ok: true, result: request.read(response, context) }
    } catch (error) {
      return { ok: false, failure: errorForUnreadableResponse(error, response.status, failureContext) }
    }
  }

  async function send<Result>(request: HttpRequest<Result>): Promise<Result> {
    const method = request.method ?? 'POST'
    const context: RequestContext = {
      vendor,
      operation: request.operation,
      method,
      path: request.path,
      redact,
    }
    const timeout = request.options?.timeout ?? settings.timeout ?? 10_000
    const failureContext: FailureContext = { vendor, where: describeRequest(context), redact, timeout }
    const auth = request.auth === false ? undefined : (request.auth ?? config.auth)
    const signal = request.options?.signal
    const event: CallEvent = { vendor, operation: request.operation, method, url: '', attempt: 0 }
    let ambiguous = false
    let refreshed = false
    // The body's JSON is made once, so every attempt sends the same bytes; fields that credentials add
    // (a token in the body) are merged per attempt, and win over the caller's.
    let fixed: { payload: unknown; body: RequestBody } | undefined
    const form = isFormData(request.body) ? request.body : undefined
    const bodyFor = (credentials: AttemptCredentials | undefined) => {
      if (credentials?.body === undefined) {
        fixed ??= form
          ? { payload: describeForm(form), body: form }
          : {
              payload: request.body,
              body: request.body === undefined ? undefined : JSON.stringify(request.body),
            }
        return fixed
      }
      if (form) throw new Error('credentials that add body fields cannot sign a FormData body')
      const payload = { ...credentials.body, ...(request.body as object), ...credentials.body }
      return { payload, body: JSON.stringify(payload) }
    }

    const fail = (failure: MsgError): MsgError => {
      // An earlier attempt may have been delivered: the call as a whole is ambiguous.
      const final = ambiguous ? withDelivery(failure, 'unknown') : failure
      observe(hooks.error, () => ({ ...event, error: final }))
      return final
    }

    const sendBy = request.options?.sendBy
    const invalid = invalidSendBy(sendBy, failureContext)
    if (invalid) throw fail(invalid)
    // The failure of the last request that went out, for a call whose next one missed its send-by time.
    let lastAnswer: MsgError | undefined
    for (let attempt = 0, retries = 0; ; attempt++) {
      event.attempt = attempt
      let credentials: AttemptCredentials | undefined
      try {
        if (signal?.aborted) throw signal.reason
        if (auth) {
          const resolved = auth.credentials()
          // Anything with a `then` is awaited (a promise from another realm or library too).
          credentials =
            typeof (resolved as { then?: unknown }).then === 'function'
              ? await untilAborted(Promise.resolve(resolved), signal)
              : (resolved as AttemptCredentials)
          tokens.remember(credentials.token)
        }
      } catch (error) {
        throw fail(
          signal?.aborted
            ? abortedBeforeSending(failureContext, error)
            : errorBeforeSending(error, failureContext),
        )
      }
      const outcome = await attemptOnce(request, context, failureContext, event, credentials, bodyFor)
      if (outcome.ok) return outcome.result
      const { failure } = outcome
      // A later request that could not leave in time: the call ends with what the vendor last said.
      if (outcome.missed && lastAnswer) throw fail(lastAnswer)
      if (outcome.final) throw fail(failure)
      lastAnswer = failure
      if (failure.delivery === 'unknown') ambiguous = true
      if (auth?.refresh && credentials && !refreshed && rejectedToken(failure)) {
        // The vendor did not process a request it refused for its token: repeat it once, freshly signed.
        refreshed = true
        try {
          await untilAborted(Promise.resolve(auth.refresh(credentials)), signal)
        } catch (error) {
          throw fail(
            signal?.aborted
              ? abortedBeforeSending(failureContext, error)
              : errorBeforeSending(error, failureContext),
          )
        }
        continue
      }
      const wait = signal?.aborted
        ? undefined
        : retryWait(failure, request.idempotent === true, retry, retries + 1)
      if (wait === undefined || retries >= retry.limit) throw fail(failure)
      // A retry that could not leave by the call's send-by time is not made.
      if (sendBy !== undefined && Date.now() + wait > sendBy) throw fail(failure)
      retries++
      try {
        await sleep(wait, signal)
      } catch (error) {
        throw fail(abortedBeforeSending(failureContext, error))
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
