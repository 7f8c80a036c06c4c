import {
  answerJson,
  answerMalformed,
  answerMethodNotAllowed,
  answerUnauthentic,
  createWebhookDispatch,
  type WebhookHandler,
} from '@msg/core'
import { type GeweCallback, isGeweAddMsg } from './gewe-callback.js'
import { geweInboundMessage, geweMessageParties } from './gewe-inbound-message.js'
import { readGewePayload } from './gewe-payload.js'
import { geweSecretCheck } from './gewe-secret.js'
import type { GeweWebhookSettings } from './gewe-webhook-settings.js'

const hour = 3_600_000
const success = () => answerJson({ msg: 'success' })

/**
 * Hands one callback to its handlers: `onEvent` for every callback, then `onMessage` for a text
 * message someone else sent (or any sender with `includeSelf`). A throw propagates, so the caller
 * leaves the callback unseen and GeWe's redelivery is handled.
 */
async function dispatchGeweCallback(settings: GeweWebhookSettings, callback: GeweCallback): Promise<void> {
  await settings.onEvent?.(callback)
  if (!settings.onMessage || !isGeweAddMsg(callback) || callback.Data.MsgType !== 1) return
  if (!settings.includeSelf && geweMessageParties(callback).self) return
  await settings.onMessage(geweInboundMessage(callback, settings.client))
}

/**
 * Receives GeWe callbacks over HTTP as one fetch handler. Per request, in this order: with a
 * `secret`, compare it (constant time) with the URL's last path segment or the configured header
 * and answer 401 before reading the body; parse the body losslessly; answer GeWe's set-up control
 * packets 200; skip callbacks already handled (`Appid` + `Data.NewMsgId`); then call `onEvent` and
 * `onMessage`. Answers: 401 wrong or missing secret (no handler ran), 400 not GeWe's shape, 500 a
 * handler threw (the callback stays unseen, so a redelivery is handled), 200 otherwise.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export function createGeweWebhook(settings: GeweWebhookSettings): WebhookHandler {
  const authentic = geweSecretCheck(settings)
  const { dispatch } = createWebhookDispatch('gewe', settings, { ttlMs: 24 * hour, ok: success })

  async function receive(request: Request, context?: unknown, executionContext?: unknown): Promise<Response> {
    if (request.method !== 'POST') return answerMethodNotAllowed()
    if (!authentic(request)) {
      await request.body?.cancel()
      return answerUnauthentic()
    }
    const payload = readGewePayload(await request.text())
    if (payload.kind === 'malformed') return answerMalformed(payload.reason)
    if (payload.kind === 'control') return success()
    const { callback } = payload
    return dispatch(payload.keys, () => dispatchGeweCallback(settings, callback), context, executionContext)
  }

  return { fetch: receive }
}
