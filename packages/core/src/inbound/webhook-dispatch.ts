import type { DedupeStore } from './dedupe-store.js'
import { createDeduper } from './deduper.js'
import { dispatchOnce } from './dispatch-once.js'
import { type WebhookRespond, type WithoutWaitUntil, webhookContext } from './webhook-handler.js'

/**
 * The settings every vendor webhook shares: where and how long handled events are remembered, when
 * the vendor is answered, and who hears about failures. A vendor's settings type extends it and
 * states its own `dedupeTtlMs` default.
 * @see @msg/core README.md#inbound-webhooks
 */
export interface WebhookDispatchSettings {
  /** Where handled events are remembered (Keyv-compatible). Default: in memory, this process only. */
  dedupe?: DedupeStore
  /** How long handled events are remembered, in ms. Default: the vendor's (see its settings). */
  dedupeTtlMs?: number
  /** `after-handler` (default) or `before-handler` (answer at once, finish in `waitUntil`). */
  respond?: WebhookRespond
  /** What `before-handler` does without `context.waitUntil`: `await` (default) or `detach`. */
  withoutWaitUntil?: WithoutWaitUntil
  /** Told about handlers that threw and dedupe stores that failed. Default `console.error`. */
  onError?: (error: unknown) => void
}

/**
 * What a vendor fixes for {@link createWebhookDispatch}: its default TTL and its answers.
 * @see @msg/core README.md#inbound-webhooks
 */
export interface WebhookDispatchOptions {
  /** The default of `dedupeTtlMs`, in ms. */
  ttlMs: number
  /** The vendor's success answer (handled or duplicate). */
  ok: () => Response
  /** The answer when the handler threw. Default `answerHandlerFailed()` (500). */
  failed?: () => Response
}

/**
 * A vendor webhook's de-duplicated dispatch, from {@link createWebhookDispatch}.
 * @see @msg/core README.md#inbound-webhooks
 */
export interface WebhookDispatch {
  /** `settings.onError`, else `console.error` tagged with the vendor. */
  onError: (error: unknown) => void
  /**
   * {@link dispatchOnce} with the settings' store, TTL and answer rules; `context` and
   * `executionContext` are the second and third arguments of `fetch`.
   */
  dispatch(
    keys: readonly string[],
    handler: () => Promise<void>,
    context?: unknown,
    executionContext?: unknown,
  ): Promise<Response>
}

/**
 * The tail every vendor webhook shares after verifying a request: a deduper over `settings.dedupe`
 * with keys prefixed `<vendor>:`, and {@link dispatchOnce} with the settings' `respond`,
 * `withoutWaitUntil` and `onError` (default `console.error('[@msg/<vendor>] webhook:', error)`).
 * @see @msg/core README.md#inbound-webhooks
 */
export function createWebhookDispatch(
  vendor: string,
  settings: WebhookDispatchSettings,
  options: WebhookDispatchOptions,
): WebhookDispatch {
  const onError = settings.onError ?? ((error: unknown) => console.error(`[@msg/${vendor}] webhook:`, error))
  const deduper = createDeduper({
    store: settings.dedupe,
    ttlMs: settings.dedupeTtlMs ?? options.ttlMs,
    prefix: `${vendor}:`,
    onError,
  })
  return {
    onError,
    dispatch: (keys, handler, context, executionContext) =>
      dispatchOnce({
        deduper,
        keys,
        handler,
        respond: settings.respond,
        withoutWaitUntil: settings.withoutWaitUntil,
        context: webhookContext(context, executionContext),
        ok: options.ok,
        failed: options.failed,
        onError,
      }),
  }
}
