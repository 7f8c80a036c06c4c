import type { Vendor } from '../errors/msg-error.js'
import type { HttpResponse, RequestContext } from './http-response.js'
import type { RequestAuth } from './request-auth.js'
import type { CallOptions, TransportSettings } from './transport-settings.js'

/**
 * How a vendor package configures its transport.
 * @see @msg/core README.md#vendor-packages
 */
export interface HttpClientConfig {
  vendor: Vendor
  /** The vendor package's version, for the `msg-<vendor>/<version>` user agent. */
  version: string
  defaultBaseURL: string
  settings: TransportSettings
  /** Long-lived secret values (app secrets), redacted from every message and hook. */
  secrets?: () => Iterable<string>
  /** The credentials every request carries unless it says otherwise. */
  auth?: RequestAuth
}

/**
 * One logical call: the transport makes one or more attempts of it.
 * @see @msg/core README.md#vendor-packages
 */
export interface HttpRequest<Result> {
  /** The client method, e.g. `message.send`, for messages and hooks. */
  operation: string
  method?: 'POST' | 'GET' | 'PUT' | 'DELETE'
  /** Path below the base URL, already encoded, without query. */
  path: string
  /** Query parameters, computed afresh for every attempt. */
  query?: () => Record<string, string>
  /** Headers of this call, the same on every attempt. */
  headers?: Record<string, string>
  /** Replaces the client's credentials for this call; `false` sends none (a token endpoint). */
  auth?: RequestAuth | false
  /**
   * JSON body, serialised once and sent unchanged on every attempt (credentials may add top-level
   * fields). A `FormData` is passed to `fetch` untouched, so the runtime writes the multipart body and
   * its `content-type` boundary; hooks see its text fields and each file's name, type and size.
   */
  body?: unknown
  /** True only when a key the vendor de-duplicates on covers this request, so 5xx/timeouts may be retried. */
  idempotent?: boolean
  /** Turns a response into the result, or throws the right `MsgError`. */
  read: (response: HttpResponse, context: RequestContext) => Result
  options?: CallOptions | undefined
}

/**
 * The one transport every vendor package uses.
 * @see @msg/core README.md#vendor-packages
 */
export interface HttpClient {
  readonly vendor: Vendor
  send<Result>(request: HttpRequest<Result>): Promise<Result>
  /** Redacts known secret values and credential patterns from text. */
  redact(text: string): string
  /** Reports a degraded-but-working condition through `hooks.warning` (default `console.warn`). */
  warn(message: string): void
}
