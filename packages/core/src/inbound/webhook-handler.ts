/**
 * What a runtime passes next to the request: `waitUntil` keeps the runtime alive for work that goes
 * on after the response (Cloudflare Workers' `ExecutionContext`, Vercel's and Next.js' `after`,
 * `toNodeListener`).
 * @see @msg/core README.md#inbound-webhooks
 */
export interface WebhookContext {
  waitUntil?(promise: Promise<unknown>): void
}

/**
 * A vendor webhook as one standard fetch handler: `export default webhook` in a Worker,
 * `Bun.serve(webhook)`, `Deno.serve(webhook.fetch)`, a Hono or Next.js route, or `toNodeListener`.
 * Cloudflare Workers call `fetch(request, env, ctx)`: a `waitUntil` in the third argument counts too.
 * @see @msg/core README.md#inbound-webhooks
 */
export interface WebhookHandler {
  /** `context` may also be a Worker's `env` (anything without `waitUntil` is ignored). */
  fetch(
    request: Request,
    context?: WebhookContext | object,
    executionContext?: WebhookContext,
  ): Promise<Response>
}

const hasWaitUntil = (value: unknown): value is Required<WebhookContext> =>
  typeof (value as WebhookContext | undefined)?.waitUntil === 'function'

/**
 * The context whose `waitUntil` a webhook uses: the second argument of `fetch`, or the third
 * (a Worker's `ctx`, after its `env`); `undefined` when neither has one.
 * @see @msg/core README.md#inbound-webhooks
 */
export function webhookContext(context?: unknown, executionContext?: unknown): WebhookContext | undefined {
  if (hasWaitUntil(context)) return context
  if (hasWaitUntil(executionContext)) return executionContext
  return undefined
}

/**
 * When a webhook answers the vendor: `after-handler` (default) awaits the handler, so a throw becomes
 * a 500 and the vendor re-sends; `before-handler` answers 200 at once and finishes the handler in
 * `context.waitUntil` (a throw then reaches only `onError`: the vendor already has its 200).
 * @see @msg/core README.md#inbound-webhooks
 */
export type WebhookRespond = 'after-handler' | 'before-handler'

/**
 * What `before-handler` does where the runtime gave no `waitUntil`: `await` (default) falls back to
 * awaiting the handler as `after-handler` does; `detach` answers first and lets the handler run
 * unawaited, which is right for a long-lived server (Node, Bun, Deno) and wrong for a platform that
 * freezes the process after the response.
 * @see @msg/core README.md#inbound-webhooks
 */
export type WithoutWaitUntil = 'await' | 'detach'
