import { randomUuid } from '@msg/core'
import {
  applyCommonFault,
  type CommonFault,
  createVendorFake,
  type RecordedRequest,
  type VendorFake,
} from '@msg/core/testing'
import type { HttpHandler } from 'msw'
import { neteaseImBaseURL } from '../netease-im-settings.js'
import { deliverNeteaseImCopy, type NeteaseImFakeDeliver } from './netease-im-deliver.js'
import { batchSend, type FakeStore, recallMessage } from './netease-im-fake-operations.js'
import {
  dataWithRawId,
  envelopeResponse,
  parseSendMessage,
  signatureProblem,
} from './netease-im-fake-replies.js'

/**
 * Faults the fake can inject, besides the common ones (`delay`, `html`, `broken-body`, `drop`):
 * - `rate-limit`: code 416 (or `code`, e.g. 107323), nothing stored.
 * - `server-error`: code 500 (or 503, 514) with HTTP `status` (default 200, as NetEase answers);
 *   with `delivered: true` the message is stored first (delivered, but the answer says it failed).
 * - `code`: any code and msg, nothing stored.
 * - `clock-skew`: the fake's clock runs `seconds` ahead (negative: behind) for this request.
 */
export type NeteaseImFault =
  | CommonFault
  | { kind: 'rate-limit'; code?: 416 | 107323 }
  | { kind: 'server-error'; code?: 500 | 503 | 514; status?: number; delivered?: boolean }
  | { kind: 'code'; code: number; msg?: string }
  | { kind: 'clock-skew'; seconds: number }

/** Options of {@link createNeteaseImFake}. */
export interface NeteaseImFakeOptions {
  /** The AppKey it accepts. Default `'test-app-key'`. */
  appKey?: string
  /** The AppSecret it checks CheckSums with. Default `'test-app-secret'`. */
  appSecret?: string
  /** The fake's clock in ms. Default `Date.now`. */
  now?: () => number
  /** The first `message_server_id`. Default 2^53 + 1 (9007199254740993), beyond exact doubles. */
  firstMessageServerId?: bigint
  /** Answer 107306 with the original message's data instead of `data: {}` (NetEase's shape is unverified). */
  duplicateReturnsOriginal?: boolean
  /** Accounts a batch send lists in `failed_list` (102404, account does not exist). */
  missingAccounts?: readonly string[]
}

/** A message the fake accepted. */
export interface NeteaseImInboxEntry {
  conversation_id: string
  sender_id: string
  conversation_type: number
  receiver_id: string
  /** Exact decimal string of the id sent as a raw JSON number. */
  message_server_id: string
  message_client_id: string
  /** The `X-custom-traceid` header, when sent. */
  trace_id: string | undefined
  create_time: number
  message: Record<string, unknown>
  /** The whole request body. */
  body: Record<string, unknown>
  /** True for a message created by a batch send (`POST /im/v2/conversations/messages`). */
  batch?: true
  /** The last recall or delete of this message: its `type` and query parameters. */
  recall?: { type: number; server_extension?: string; notify?: string }
}

/** A request the fake saw, for shape assertions. `path` is as sent (still percent-encoded). */
export type NeteaseImFakeRequest = RecordedRequest

/**
 * A fake NetEase IM v2 server as a fetch handler.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export interface NeteaseImFake extends VendorFake<NeteaseImInboxEntry, NeteaseImFault> {
  /**
   * msw handlers answering every request below `baseURL` (default `https://open.yunxinapi.com`) with
   * this fake; a `drop` fault is a network error.
   */
  mswHandlers(baseURL?: string): HttpHandler[]
  /**
   * Sends a message copy (消息抄送) to `url` as NetEase does, signed with this fake's AppKey and
   * AppSecret unless `options` names others: see `deliverNeteaseImCopy`.
   */
  deliver: NeteaseImFakeDeliver
}

const sendPath = /^\/im\/v2\/conversations\/([^/]+)\/messages$/
const batchPath = '/im/v2/conversations/messages'
const recallPath = /^\/im\/v2\/conversations\/([^/]+)\/messages\/([^/]+)$/

/**
 * Creates a fake NetEase IM server: it checks AppKey and CheckSum (WebCrypto) and refuses a CurTime
 * more than 5 minutes off (414), de-duplicates `message_client_id` per sender (107306), and answers
 * `{ code, msg, data }` with `message_server_id` as a raw JSON number beyond 2^53. It takes sends,
 * batch sends (at most 100 receivers; an attachment for every type but text and tip) and recalls
 * (`type` 1, 2 or 3 of a message it holds; otherwise 404). Runtime-neutral.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export function createNeteaseImFake(options: NeteaseImFakeOptions = {}): NeteaseImFake {
  const credentials = {
    appKey: options.appKey ?? 'test-app-key',
    appSecret: options.appSecret ?? 'test-app-secret',
  }
  const now = options.now ?? Date.now
  const first = options.firstMessageServerId ?? 2n ** 53n + 1n
  const deliver: NeteaseImFakeDeliver = (url, input, deliverOptions) =>
    deliverNeteaseImCopy(url, input, { ...credentials, ...deliverOptions })
  const vendorFake = createVendorFake<NeteaseImInboxEntry, NeteaseImFault>({
    defaultBaseURL: neteaseImBaseURL(),
    answer: answerWithFault,
    reset() {
      delivered = new Map()
      nextId = first
    },
  })
  const fake: NeteaseImFake = Object.assign(vendorFake, { deliver })
  let nextId = first
  let delivered = new Map<string, { entry: NeteaseImInboxEntry; dataJson: string }>()
  const store: FakeStore = {
    inbox: fake.inbox,
    delivered: () => delivered,
    nextId: () => nextId++,
    missingAccounts: new Set(options.missingAccounts ?? []),
    duplicateReturnsOriginal: options.duplicateReturnsOriginal === true,
  }

  async function answer(request: Request, bodyText: string, fault?: NeteaseImFault): Promise<Response> {
    const nowMs = now() + (fault?.kind === 'clock-skew' ? fault.seconds * 1000 : 0)
    const reply = (code: number, msg: string, dataJson?: string) =>
      envelopeResponse(code, msg, dataJson, nowMs)
    const status = fault?.kind === 'server-error' ? fault.status : undefined
    const serverError = (code: number) => envelopeResponse(code, 'server error', undefined, nowMs, status)
    const url = new URL(request.url)
    const isBatch = request.method === 'POST' && url.pathname === batchPath
    const match = isBatch ? null : sendPath.exec(url.pathname)
    const recallMatch = request.method === 'DELETE' ? recallPath.exec(url.pathname) : null
    if (!isBatch && !recallMatch && (request.method !== 'POST' || !match)) return reply(404, 'not found')
    const refused = await signatureProblem(request.headers, credentials, nowMs)
    if (refused) return reply(refused.code, refused.msg)
    if (fault?.kind === 'rate-limit') return reply(fault.code ?? 416, 'frequency limit exceeded')
    if (fault?.kind === 'code') return reply(fault.code, fault.msg ?? 'injected failure')
    if (fault?.kind === 'server-error' && !fault.delivered) return serverError(fault.code ?? 500)
    if (recallMatch) {
      const recalled = recallMessage(fake.inbox, recallMatch[1] ?? '', recallMatch[2] ?? '', url.searchParams)
      if (fault?.kind === 'server-error' && recalled.code === 200) return serverError(fault.code ?? 500)
      return reply(recalled.code, recalled.msg, '{}')
    }
    if (!request.headers.get('content-type')?.startsWith('application/json'))
      return reply(414, 'parameter error: Content-Type must be application/json')
    if (isBatch) {
      const answered = batchSend(store, request, bodyText, nowMs)
      if (fault?.kind === 'server-error' && answered.code === 200) return serverError(fault.code ?? 500)
      return reply(answered.code, answered.msg, answered.dataJson)
    }
    const parsed = parseSendMessage(match?.[1] ?? '', bodyText)
    if ('error' in parsed) return reply(414, parsed.error)
    const { message } = parsed.body
    const clientId = typeof message.message_client_id === 'string' ? message.message_client_id : randomUuid()
    const key = `${parsed.senderId}\n${clientId}`
    const earlier = delivered.get(key)
    if (earlier)
      return reply(
        107306,
        'duplicate message_client_id',
        options.duplicateReturnsOriginal ? earlier.dataJson : '{}',
      )
    const serverId = nextId++
    const entry: NeteaseImInboxEntry = {
      conversation_id: parsed.conversationId,
      sender_id: parsed.senderId,
      conversation_type: parsed.type,
      receiver_id: parsed.receiverId,
      message_server_id: serverId.toString(),
      message_client_id: clientId,
      trace_id: request.headers.get('x-custom-traceid') ?? undefined,
      create_time: nowMs,
      message,
      body: parsed.body,
    }
    const dataJson = dataWithRawId(serverId, {
      message_client_id: clientId,
      sender_id: entry.sender_id,
      conversation_type: entry.conversation_type,
      receiver_id: entry.receiver_id,
      create_time: nowMs,
      message_type: message.message_type,
      ...(message.sub_type === undefined ? {} : { sub_type: message.sub_type }),
      ...(message.text === undefined ? {} : { text: message.text }),
      ...(message.attachment === undefined ? {} : { attachment: message.attachment }),
    })
    delivered.set(key, { entry, dataJson })
    fake.inbox.push(entry)
    if (fault?.kind === 'server-error') return serverError(fault.code ?? 500)
    return reply(200, 'success', dataJson)
  }

  async function answerWithFault(
    request: Request,
    recorded: RecordedRequest,
    fault: NeteaseImFault | undefined,
  ): Promise<Response> {
    if (fault) {
      const common = await applyCommonFault(fault, () => answer(request, recorded.text))
      if (common) return common
    }
    return answer(request, recorded.text, fault)
  }

  return fake
}
