import {
  answerHandlerFailed,
  answerJson,
  answerMalformed,
  answerMethodNotAllowed,
  answerUnauthentic,
  createWebhookDispatch,
  MsgError,
  timingSafeEqual,
  type WebhookHandler,
} from '@msg/core'
import { decryptFeishu } from './feishu-cipher.js'
import { dispatchFeishuEvent } from './feishu-event-dispatch.js'
import { readFeishuPayload } from './feishu-payload.js'
import { feishuLegacyCardSignature, feishuSignature } from './feishu-signature.js'
import type { FeishuWebhookSettings } from './feishu-webhook-settings.js'

/** How a request proved where it came from, before its body was parsed. */
type Proof = 'signed' | 'legacy-card' | 'unsigned' | 'rejected'

const hour = 3_600_000
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const success = () => answerJson({ msg: 'success' })

/**
 * Receives Feishu / Lark events and callbacks over HTTP as one fetch handler. Per request, in this
 * order: read the raw bytes; refuse a stale `X-Lark-Request-Timestamp`; check `X-Lark-Signature`
 * over those bytes; decrypt `{ encrypt }`; answer `url_verification` with `{ challenge }`; check the
 * verification token; skip events already handled; then call `onEvent`, `onMessage` or
 * `onCardAction`. Answers: 401 unauthentic (no handler ran), 400 not Feishu's shape, 500 a handler
 * threw (the event stays unseen, so Feishu's re-push is handled), 200 otherwise, duplicates included.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export function createFeishuWebhook(settings: FeishuWebhookSettings): WebhookHandler {
  const { verificationToken, encryptKey } = settings
  if (typeof verificationToken !== 'string' || verificationToken === '') {
    throw new MsgError({ vendor: 'feishu', message: 'createFeishuWebhook: verificationToken is required' })
  }
  if (encryptKey !== undefined && (typeof encryptKey !== 'string' || encryptKey === '')) {
    throw new MsgError({
      vendor: 'feishu',
      message: 'createFeishuWebhook: encryptKey must be a non-empty string',
    })
  }
  const now = settings.now ?? Date.now
  const tolerance = settings.timestampToleranceSeconds ?? 300
  const { onError, dispatch } = createWebhookDispatch('feishu', settings, { ttlMs: 12 * hour, ok: success })

  const fresh = (timestamp: string) =>
    /^\d{1,12}$/.test(timestamp) && Math.abs(now() / 1000 - Number(timestamp)) <= tolerance

  async function prove(request: Request, raw: Uint8Array): Promise<Proof> {
    const timestamp = request.headers.get('x-lark-request-timestamp')
    if (timestamp !== null && !fresh(timestamp)) return 'rejected'
    const signature = request.headers.get('x-lark-signature')
    if (signature === null) return 'unsigned'
    const nonce = request.headers.get('x-lark-request-nonce')
    if (timestamp === null || nonce === null) return 'rejected'
    const given = signature.toLowerCase()
    if (
      encryptKey !== undefined &&
      timingSafeEqual(given, await feishuSignature(timestamp, nonce, encryptKey, raw))
    ) {
      return 'signed'
    }
    const legacy = await feishuLegacyCardSignature(timestamp, nonce, verificationToken, raw)
    if (timingSafeEqual(given, legacy)) return 'legacy-card'
    // Without an Encrypt Key there is nothing to check a sha256 signature against; the token decides.
    return encryptKey === undefined ? 'unsigned' : 'rejected'
  }

  async function receive(request: Request, context?: unknown, executionContext?: unknown): Promise<Response> {
    if (request.method !== 'POST') return answerMethodNotAllowed()
    const raw = new Uint8Array(await request.arrayBuffer())
    const proof = await prove(request, raw)
    if (proof === 'rejected') return answerUnauthentic()
    let body: unknown
    try {
      body = JSON.parse(new TextDecoder().decode(raw))
    } catch {
      return answerMalformed('not JSON')
    }
    if (isObject(body) && typeof body.encrypt === 'string') {
      if (encryptKey === undefined) return answerMalformed('encrypted, but no encryptKey is configured')
      if (proof === 'legacy-card') return answerUnauthentic()
      const { encrypt, ...outer } = body
      try {
        body = { ...outer, ...JSON.parse(await decryptFeishu(encryptKey, encrypt as string)) }
      } catch {
        return proof === 'signed' ? answerMalformed('cannot decrypt') : answerUnauthentic()
      }
    }
    const payload = readFeishuPayload(body)
    if (payload.kind === 'malformed') return answerMalformed(payload.reason)
    const legacyCard = payload.kind === 'card' && payload.legacy
    // The sha1 scheme belongs to the legacy card callback alone, and proves the verification token
    // (its `token` field is the card's update token instead).
    if (legacyCard !== (proof === 'legacy-card')) return answerUnauthentic()
    if (encryptKey !== undefined && proof === 'unsigned' && payload.kind !== 'challenge')
      return answerUnauthentic()
    if (
      !legacyCard &&
      !(typeof payload.token === 'string' && timingSafeEqual(payload.token, verificationToken))
    ) {
      return answerUnauthentic()
    }
    if (payload.kind === 'challenge') return answerJson({ challenge: payload.challenge })
    if (payload.kind === 'card') {
      // Feishu never re-sends a callback: a throw shows the user an error, so there is nothing to dedupe.
      try {
        return answerJson((await settings.onCardAction?.(payload.action)) ?? {})
      } catch (error) {
        onError(error)
        return answerHandlerFailed()
      }
    }
    const handler = () => dispatchFeishuEvent(settings, payload.event, payload.eventType)
    return dispatch(payload.keys, handler, context, executionContext)
  }

  return { fetch: receive }
}
