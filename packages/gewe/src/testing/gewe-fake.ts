import {
  applyCommonFault,
  type CommonFault,
  createVendorFake,
  type RecordedRequest,
  type VendorFake,
} from '@msg/core/testing'
import type { HttpHandler } from 'msw'
import { defaultBaseURL } from '../gewe-settings.js'
import { deliverGeweCallback, type GeweFakeDeliver } from './gewe-deliver.js'
import {
  fakeMessageOperations,
  fakeRevokeFields,
  fieldProblem,
  messageReplyJson,
} from './gewe-fake-messages.js'

/**
 * Faults the GeWe fake can inject, besides the common ones (`delay`, `html` for an HTTP 5xx
 * gateway page, `broken-body`, `drop`).
 * - `offline`: `ret 500`, `data.msg` "微信已离线" (the device must log in again).
 * - `auth-failed`: `ret 500`, "X-GEWE-TOKEN=<token> 不可用或已过期" (echoing the token, as GeWe does).
 * - `server-error`: a generic `ret 500` failure; `msg` defaults to `null`, the ambiguous case. The
 *   message is still recorded in the inbox unless `delivered: false`; `status` is the HTTP status it
 *   arrives with (default 200, as GeWe answers failures).
 * @see https://doc.geweapi.com/
 */
export type GeweFault =
  | CommonFault
  | { kind: 'offline' }
  | { kind: 'auth-failed' }
  | {
      kind: 'server-error'
      status?: number
      msg?: string | null
      data?: { code?: string; msg?: string }
      delivered?: boolean
    }

/** Options of {@link createGeweFake}. */
export interface GeweFakeOptions {
  /** The one `X-GEWE-TOKEN` it accepts. Default `'gewe-fake-token'`. */
  token?: string
  /** Produces each `newMsgId` (decimal digits; emitted as a raw JSON number). Default: a 64-bit counter. */
  newMsgId?: () => string | bigint
  /** `createTime` in Unix seconds. Default: now. */
  now?: () => number
  /**
   * The device ids it knows; any other `appId` is refused with `data.msg` "[<appId>]设备不存在"
   * (nothing delivered). Default: every `appId` is known.
   */
  appIds?: readonly string[]
}

/**
 * A message the fake accepted. `to` is `toWxid` (every `message/*` call) or `toUserName`
 * (postPrivateLetter); `content` is the text of postText and postPrivateLetter and `''` for the
 * rich calls, whose fields are in `body`. Rich sends also record the `msgId` and `createTime`
 * they answered, and `revoked: true` once `revokeMsg` named them exactly.
 */
export interface GeweInboxEntry {
  /** The path below `/v2/api`, e.g. `/message/postImage`. */
  path: string
  appId: string
  to: string
  content: string
  ats?: string
  newMsgId: string
  msgId?: string
  createTime?: number
  revoked?: boolean
  body: Record<string, unknown>
}

/** A fake GeWe: a fetch handler, msw handlers, an inbox and fault injection. */
export interface GeweFake extends VendorFake<GeweInboxEntry, GeweFault> {
  /** msw handlers answering every request below `baseURL` (default: GeWe's SaaS base). */
  mswHandlers(baseURL?: string): HttpHandler[]
  /** Calls a webhook back like GeWe: `deliverGeweCallback(url, callback, options)`. */
  deliver: GeweFakeDeliver
}

const required = {
  '/message/postText': ['appId', 'toWxid', 'content'],
  '/finder/postPrivateLetter': ['appId', 'content', 'toUserName', 'myUserName', 'msgSessionId'],
} as const

/** A GeWe envelope as JSON text; `dataJson` is spliced in raw so 64-bit ids stay raw numbers. */
function envelope(ret: number, msg: string | null, dataJson?: string, status = 200): Response {
  const text = `{"ret":${ret},"msg":${JSON.stringify(msg)}${dataJson === undefined ? '' : `,"data":${dataJson}`}}`
  return new Response(text, { status, headers: { 'content-type': 'application/json;charset=UTF-8' } })
}

/**
 * Creates a fake GeWe service (HTTP 200 and `{ret,msg,data}` on every answer, as GeWe does).
 * Serves `/…/v2/api/message/postText`, `/…/v2/api/finder/postPrivateLetter`, every rich
 * `message/post*` and `message/forward*` call and `message/revokeMsg`, under any prefix.
 * @see https://doc.geweapi.com/
 */
export function createGeweFake(options: GeweFakeOptions = {}): GeweFake {
  const token = options.token ?? 'gewe-fake-token'
  let counter = 7773749793478223190n
  const nextId = options.newMsgId ?? (() => counter++)
  const now = options.now ?? (() => Math.floor(Date.now() / 1000))
  // The `msgId` of rich sends: a safe integer like GeWe's, from the start again after `reset()`.
  let msgIdCounter = 769523509
  const vendorFake = createVendorFake<GeweInboxEntry, GeweFault>({
    defaultBaseURL,
    answer: answerWithFault,
    reset: () => {
      msgIdCounter = 769523509
    },
  })
  const fake: GeweFake = Object.assign(vendorFake, { deliver: deliverGeweCallback })

  async function answer(request: Request, path: string, body: unknown): Promise<Response> {
    const given = request.headers.get('x-gewe-token') ?? ''
    if (given === '') return envelope(500, 'header:X-GEWE-TOKEN 不可为空')
    if (given !== token) return envelope(500, `X-GEWE-TOKEN=${given} 不可用或已过期`)
    const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
    if (options.appIds && typeof record.appId === 'string' && !options.appIds.includes(record.appId))
      return refuse(`[${record.appId}]设备不存在`)
    const rich = fakeMessageOperations[path]
    if (rich) {
      const problem = fieldProblem(record, rich.fields)
      if (problem) return refuse(problem, '参数错误')
      return deliverRich(path, rich, record)
    }
    if (path === '/message/revokeMsg') return revoke(record)
    const fields = required[path as keyof typeof required]
    if (!fields) return envelope(500, `接口不存在: ${path}`)
    const missing = fields.find((field) => typeof record[field] !== 'string' || record[field] === '')
    if (missing) return envelope(500, '参数错误', JSON.stringify({ code: '-1', msg: `${missing} 不能为空` }))
    return deliver(path as GeweInboxEntry['path'], record)
  }

  function deliver(path: GeweInboxEntry['path'], body: Record<string, unknown>): Response {
    const newMsgId = String(nextId())
    if (!/^\d+$/.test(newMsgId)) throw new Error(`newMsgId must be decimal digits, got ${newMsgId}`)
    const postText = path === '/message/postText'
    const to = String(postText ? body.toWxid : body.toUserName)
    const item: GeweInboxEntry = {
      path,
      appId: String(body.appId),
      to,
      content: String(body.content),
      newMsgId,
      body,
    }
    if (typeof body.ats === 'string') item.ats = body.ats
    fake.inbox.push(item)
    return envelope(
      200,
      '操作成功',
      postText
        ? `{"toWxid":${JSON.stringify(to)},"createTime":${now()},"msgId":0,"newMsgId":${newMsgId},"type":1}`
        : `{"newMsgId":${newMsgId}}`,
    )
  }

  /** GeWe's refusal: `ret 500` with the detail in `data: { code, msg }`. */
  function refuse(detail: string, msg = '操作失败'): Response {
    return envelope(500, msg, JSON.stringify({ code: '-1', msg: detail }))
  }

  function deliverRich(
    path: string,
    operation: (typeof fakeMessageOperations)[string],
    body: Record<string, unknown>,
  ): Response {
    const newMsgId = String(nextId())
    if (!/^\d+$/.test(newMsgId)) throw new Error(`newMsgId must be decimal digits, got ${newMsgId}`)
    const reply = { toWxid: String(body.toWxid), createTime: now(), msgId: msgIdCounter++, newMsgId }
    fake.inbox.push({
      path,
      appId: String(body.appId),
      to: reply.toWxid,
      content: '',
      newMsgId,
      msgId: String(reply.msgId),
      createTime: reply.createTime,
      body,
    })
    return envelope(200, '操作成功', messageReplyJson(operation, reply))
  }

  /**
   * Revokes the message these exact strings name. Stricter than GeWe, which answers `ret 200` even
   * when nothing matched (e.g. a rounded `newMsgId`): the fake refuses with `ret 500`, so a lost
   * digit fails a test instead of passing silently.
   */
  function revoke(body: Record<string, unknown>): Response {
    const problem = fieldProblem(body, fakeRevokeFields)
    if (problem) return refuse(problem, '参数错误')
    if (body.createTime !== undefined && typeof body.createTime !== 'string')
      return refuse('createTime 类型错误', '参数错误')
    const sent = fake.inbox.find(
      (entry) =>
        entry.msgId !== undefined &&
        entry.newMsgId === body.newMsgId &&
        entry.msgId === body.msgId &&
        entry.appId === body.appId &&
        entry.to === body.toWxid &&
        (body.createTime === undefined || String(entry.createTime) === body.createTime),
    )
    if (!sent || sent.revoked) return refuse('消息不存在或已撤回', '撤回失败')
    sent.revoked = true
    return envelope(200, '操作成功')
  }

  async function answerWithFault(
    request: Request,
    recorded: RecordedRequest,
    fault: GeweFault | undefined,
  ): Promise<Response> {
    const url = new URL(request.url)
    const at = url.pathname.indexOf('/v2/api/')
    const path = at === -1 ? url.pathname : url.pathname.slice(at + '/v2/api'.length)
    const { body } = recorded
    if (fault?.kind === 'offline') return envelope(500, '操作失败', '{"code":"-1","msg":"微信已离线"}')
    if (fault?.kind === 'auth-failed')
      return envelope(500, `X-GEWE-TOKEN=${recorded.headers['x-gewe-token']} 不可用或已过期`)
    if (fault?.kind === 'server-error') {
      if (fault.delivered !== false && (path in required || path in fakeMessageOperations))
        await answer(request, path, body)
      return envelope(
        500,
        fault.msg ?? null,
        fault.data === undefined ? undefined : JSON.stringify(fault.data),
        fault.status,
      )
    }
    const normal = () => answer(request, path, body)
    if (fault) return (await applyCommonFault(fault, normal)) ?? normal()
    return normal()
  }

  return fake
}
