export { type BroadcastResult, broadcast } from './channels/broadcast.js'
export { type ChannelMessage, checkNotice, type Notice, noticeSchema, noticeText } from './channels/notice.js'
export { type SentMessage, type TextChannel, textChannels } from './channels/text-channel.js'
export { withFallback } from './channels/with-fallback.js'
export { type CodeClass, type CodeTable, createCodeClassifier } from './envelope/code-table.js'
export { createEnvelopeReader, type EnvelopeReader, type EnvelopeSpec } from './envelope/envelope-reader.js'
export { AuthError, type AuthErrorOptions } from './errors/auth-error.js'
export { type FallbackAttempt, FallbackError } from './errors/fallback-error.js'
export {
  type Delivery,
  hasErrorKind,
  type KnownVendor,
  MsgError,
  type MsgErrorOptions,
  tagErrorKind,
  type Vendor,
  withDelivery,
} from './errors/msg-error.js'
export { NetworkError } from './errors/network-error.js'
export { RateLimitError, type RateLimitErrorOptions } from './errors/rate-limit-error.js'
export { ResponseError, type ResponseErrorOptions } from './errors/response-error.js'
export { TimeoutError, type TimeoutErrorOptions } from './errors/timeout-error.js'
export {
  ValidationError,
  type ValidationErrorOptions,
  type ValidationIssue,
} from './errors/validation-error.js'
export { VendorError, type VendorErrorOptions } from './errors/vendor-error.js'
export {
  createMemoryDedupeStore,
  type DedupeStore,
  type MemoryDedupeStoreOptions,
} from './inbound/dedupe-store.js'
export { createDeduper, type Deduper, type DeduperOptions } from './inbound/deduper.js'
export { type DispatchOnceOptions, dispatchOnce } from './inbound/dispatch-once.js'
export type { InboundMessage } from './inbound/inbound-message.js'
export {
  type PushAttempt,
  type PushWithRetriesOptions,
  pushWithRetries,
} from './inbound/push-with-retries.js'
export { timingSafeEqual } from './inbound/timing-safe-equal.js'
export {
  answerHandlerFailed,
  answerJson,
  answerMalformed,
  answerMethodNotAllowed,
  answerUnauthentic,
} from './inbound/webhook-answers.js'
export {
  createWebhookDispatch,
  type WebhookDispatch,
  type WebhookDispatchOptions,
  type WebhookDispatchSettings,
} from './inbound/webhook-dispatch.js'
export {
  type WebhookContext,
  type WebhookHandler,
  type WebhookRespond,
  type WithoutWaitUntil,
  webhookContext,
} from './inbound/webhook-handler.js'
export { parseExactJson } from './json/exact-json.js'
export { redactedMarker, redactText, redactValue } from './redaction/redact.js'
export { assertServerSideSecret } from './runtime/browser-guard.js'
export {
  derivedUuid,
  fromBase64,
  isBrowserRuntime,
  randomHex,
  randomUuid,
  sleep,
  toBase64,
  toHex,
} from './runtime/runtime.js'
export {
  createTokenCache,
  type FetchedToken,
  type TokenCache,
  type TokenCacheOptions,
} from './tokens/token-cache.js'
export {
  type CachedToken,
  createMemoryTokenStore,
  type TokenStore,
  type TokenStoreRelease,
} from './tokens/token-store.js'
export type { EndpointResult } from './transport/endpoint-result.js'
export { createHttpClient } from './transport/http-client.js'
export type { HttpClient, HttpClientConfig, HttpRequest } from './transport/http-request.js'
export { describeRequest, type HttpResponse, type RequestContext } from './transport/http-response.js'
export { type AttemptCredentials, type RequestAuth, tokenAuth } from './transport/request-auth.js'
export { retryAfterFromHeaders } from './transport/retry-after.js'
export type {
  CallOptions,
  ErrorEvent,
  RequestEvent,
  ResponseEvent,
  RetrySettings,
  TransportEvent,
  TransportHooks,
  TransportSettings,
} from './transport/transport-settings.js'
export { nonEmptyText } from './validation/rules.js'
export { invalidInput, validateInput } from './validation/validate.js'
export { version } from './version.js'
