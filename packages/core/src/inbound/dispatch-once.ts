import type { Deduper } from './deduper.js'
import { answerHandlerFailed } from './webhook-answers.js'
import type { WebhookContext, WebhookRespond, WithoutWaitUntil } from './webhook-handler.js'

/**
 * What {@link dispatchOnce} needs: the verified event's keys, its handler, and when to answer.
 * @see @msg/core README.md#inbound-webhooks
 */
export interface DispatchOnceOptions {
  deduper: Deduper
  /** The vendor's de-duplication ids of this event (already namespaced by kind if needed). */
  keys: readonly string[]
  handler: () => Promise<void>
  /** Default `after-handler`. */
  respond?: WebhookRespond
  /** Default `await`. */
  withoutWaitUntil?: WithoutWaitUntil
  context?: WebhookContext | undefined
  /** The vendor's success answer. */
  ok: () => Response
  /** The answer when the handler (or the dedupe store) threw. Default {@link answerHandlerFailed} (500). */
  failed?: () => Response
  /** Told about every handler that threw (or dedupe store that failed), answered or not. */
  onError?: (error: unknown) => void
}

/**
 * Runs a verified event's handler at most once and answers the vendor: `ok()` when handled or
 * duplicate, `failed()` (default 500) when the handler threw (the event stays unseen). With
 * `respond: 'before-handler'` the event is marked seen and answered at once, and the handler
 * finishes in `context.waitUntil`.
 * @see @msg/core README.md#inbound-webhooks
 */
export async function dispatchOnce(options: DispatchOnceOptions): Promise<Response> {
  const { deduper, keys, handler, context } = options
  const waitUntil = context?.waitUntil?.bind(context)
  const deferred =
    options.respond === 'before-handler' && (waitUntil !== undefined || options.withoutWaitUntil === 'detach')
  try {
    await deduper.once(
      keys,
      deferred
        ? async () => {
            // Marked seen once scheduled: the vendor gets its 200 now, so it will not re-send.
            const task = handler().catch((error: unknown) => options.onError?.(error))
            waitUntil?.(task)
          }
        : handler,
    )
    return options.ok()
  } catch (error) {
    options.onError?.(error)
    return (options.failed ?? answerHandlerFailed)()
  }
}
