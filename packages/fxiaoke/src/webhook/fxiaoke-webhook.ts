import {
  answerMalformed,
  answerMethodNotAllowed,
  answerUnauthentic,
  createWebhookDispatch,
  MsgError,
  timingSafeEqual,
  toHex,
  type WebhookHandler,
} from '@msg/core'
import { decryptFxiaoke, type FxiaokeDecrypted, isEncodingAesKey } from './fxiaoke-cipher.js'
import { readFxiaokeEvent, readFxiaokePush } from './fxiaoke-payload.js'
import { fxiaokeSignature } from './fxiaoke-signature.js'
import type { FxiaokeWebhookSettings } from './fxiaoke-webhook-settings.js'

const hour = 3_600_000
/** Fxiaoke counts any answer but the string `success` as a failed push. */
const success = () => new Response('success', { headers: { 'content-type': 'text/plain; charset=utf-8' } })

async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))))
}

/**
 * Receives Fxiaoke pushes (messages and events, permanent codes) over HTTP as one fetch handler.
 * Per request, in this order: read `{ nonce, timeStamp, content, sig }`; refuse a stale
 * `timeStamp`; check `sig` in constant time; only then decrypt `content` and parse it (exact
 * 64-bit ids); skip pushes already handled; call `onEvent`. Answers: `success` (200) when handled
 * or a duplicate, 401 unauthentic (no handler ran, nothing secret in the body), 400 not Fxiaoke's
 * shape or undecryptable, 405 not POST, 500 the handler threw (the push stays unseen, so Fxiaoke's
 * one retry is handled). Follows Fxiaoke's official Java demo (2015); UNVERIFIED against today's platform.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/controller/FSCallbackController.java
 */
export function createFxiaokeWebhook(settings: FxiaokeWebhookSettings): WebhookHandler {
  const { token, encodingAesKey, receiverId } = settings
  const fail = (message: string) =>
    new MsgError({ vendor: 'fxiaoke', message: `createFxiaokeWebhook: ${message}` })
  if (typeof token !== 'string' || token === '') throw fail('token is required')
  if (!isEncodingAesKey(encodingAesKey)) throw fail('encodingAesKey must be 43 base64 characters')
  if (typeof settings.onEvent !== 'function') throw fail('onEvent is required')
  const now = settings.now ?? Date.now
  const tolerance = settings.timestampToleranceSeconds ?? 500
  const { dispatch } = createWebhookDispatch('fxiaoke', settings, { ttlMs: hour, ok: success })
  const fresh = (timeStamp: string) =>
    /^\d{1,15}$/.test(timeStamp) && Math.abs(now() - Number(timeStamp)) <= tolerance * 1000

  async function receive(request: Request, context?: unknown, executionContext?: unknown): Promise<Response> {
    if (request.method !== 'POST') return answerMethodNotAllowed()
    const read = readFxiaokePush(await request.text())
    if (read.kind === 'malformed') return answerMalformed(read.reason)
    if (read.kind === 'unsigned') return answerUnauthentic()
    const { push } = read
    if (!fresh(push.timeStamp)) return answerUnauthentic()
    const expected = await fxiaokeSignature(token, push.timeStamp, push.nonce, push.content)
    if (!timingSafeEqual(push.sig.toLowerCase(), expected)) return answerUnauthentic()
    // Signed with the token: a failure from here on is a configuration mismatch, not a forgery.
    let decrypted: FxiaokeDecrypted
    try {
      decrypted = await decryptFxiaoke(encodingAesKey, push.content)
    } catch {
      return answerMalformed('cannot decrypt content')
    }
    if (receiverId !== undefined && !timingSafeEqual(decrypted.receiverId, receiverId)) {
      return answerUnauthentic()
    }
    const event = readFxiaokeEvent(decrypted.message)
    if (typeof event === 'string') return answerMalformed(event)
    const chosen = settings.dedupeKey?.(event)
    const key = chosen === undefined ? `content:${await sha256Hex(push.content)}` : `id:${chosen}`
    return dispatch([key], async () => settings.onEvent(event), context, executionContext)
  }

  return { fetch: receive }
}
