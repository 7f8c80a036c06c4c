import {
  answerJson,
  answerMalformed,
  answerMethodNotAllowed,
  answerUnauthentic,
  createWebhookDispatch,
  MsgError,
  type WebhookHandler,
} from '@msg/core'
import { readNeteaseImCopy } from './netease-im-copy-payload.js'
import { verifyNeteaseImCopy } from './netease-im-copy-signature.js'
import { neteaseImInboundMessage } from './netease-im-inbound-message.js'
import type { NeteaseImWebhookSettings } from './netease-im-webhook-settings.js'

const hour = 3_600_000
const ok = () => answerJson({})

function required(settings: NeteaseImWebhookSettings, name: 'appKey' | 'appSecret'): void {
  const value = settings[name]
  if (typeof value !== 'string' || value === '') {
    throw new MsgError({ vendor: 'netease-im', message: `createNeteaseImWebhook: ${name} is required` })
  }
}

/**
 * Receives NetEase Yunxin IM's message copy (消息抄送) over HTTP as one fetch handler. Per request:
 * read the raw bytes; check `AppKey` (when sent), `MD5` over those bytes, `CheckSum` and, if set, the
 * `CurTime` window; parse losslessly; answer the console's signed `{}` address check; skip copies
 * already handled; then call `onEvent` and, for one-to-one and team messages, `onMessage`. Answers:
 * 401 unauthentic (no handler ran), 400 not NetEase's shape, `failureStatus` (500) a handler threw
 * (the copy stays unseen), 200 `{}` otherwise, duplicates included.
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export function createNeteaseImWebhook(settings: NeteaseImWebhookSettings): WebhookHandler {
  required(settings, 'appKey')
  required(settings, 'appSecret')
  const credentials = {
    appKey: settings.appKey,
    appSecret: settings.appSecret,
    curTimeToleranceMs: settings.curTimeToleranceMs,
    now: settings.now ?? Date.now,
  }
  const failureStatus = settings.failureStatus ?? 500
  if (!Number.isInteger(failureStatus) || failureStatus < 400 || failureStatus > 599) {
    throw new MsgError({
      vendor: 'netease-im',
      message: 'createNeteaseImWebhook: failureStatus must be an HTTP status from 400 to 599',
    })
  }
  const { dispatch } = createWebhookDispatch('netease-im', settings, {
    ttlMs: 24 * hour,
    ok,
    failed: () => answerJson({ error: 'handler failed' }, failureStatus),
  })

  async function receive(request: Request, context?: unknown, executionContext?: unknown): Promise<Response> {
    if (request.method !== 'POST') return answerMethodNotAllowed()
    const raw = new Uint8Array(await request.arrayBuffer())
    if (!(await verifyNeteaseImCopy(request.headers, raw, credentials))) return answerUnauthentic()
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw)
    } catch {
      return answerMalformed('not UTF-8')
    }
    const payload = readNeteaseImCopy(text, request.headers.get('md5') ?? '')
    if (payload.kind === 'malformed') return answerMalformed(payload.reason)
    if (payload.kind === 'address-check') return ok()
    const { event, message } = payload
    const handler = async () => {
      await settings.onEvent?.(event)
      if (message && settings.onMessage) await settings.onMessage(neteaseImInboundMessage(message, settings))
    }
    return dispatch(payload.keys, handler, context, executionContext)
  }

  return { fetch: receive }
}
