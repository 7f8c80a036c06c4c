import { randomHex } from '@msg/core'
import {
  applyCommonFault,
  type CommonFault,
  createVendorFake,
  type InjectOptions,
  type RecordedRequest,
  type VendorFake,
} from '@msg/core/testing'
import type { HttpHandler } from 'msw'
import { tenantAccessTokenPath } from '../auth/tenant-access-token.js'
import {
  type FeishuInboxEntry,
  handleImCreate,
  handleImReply,
  handleV4Send,
  type MessageState,
} from './fake-messages.js'
import { type FeishuFakeUpload, handleUpload, type UploadState } from './fake-uploads.js'
import { type FeishuFakeRequest, fakeMessages, feishuFailure, feishuJson } from './fake-wire.js'
import { deliverFeishuEvent, type FeishuFakeDeliver } from './feishu-deliver.js'

/**
 * Faults the fake can inject, on top of the common ones (`delay`, `html`, `broken-body`, `drop`).
 * @see README.md#testing-kit-msgfeishutesting
 */
export type FeishuFault =
  | CommonFault
  /** A rate-limit code; 99991400 (default) answers HTTP 429 with `x-ogw-ratelimit-reset` seconds. */
  | { kind: 'rate-limit'; code?: 99991400 | 230020 | 11232 | 11233; resetSeconds?: number }
  /** Revokes every issued token and answers 99991663, as when a token expired. */
  | { kind: 'token-expired' }
  /**
   * Feishu refuses the credentials for good: 10014 (app secret invalid) at the token endpoint, 99991672
   * (the app lacks the scope) at a message request. No refresh can help.
   */
  | { kind: 'auth-failed' }
  /** HTTP 5xx (default 500, code 2200); with `delivered: true` the message is accepted first. */
  | { kind: 'server-error'; status?: number; delivered?: boolean }
  /** Any Feishu failure code, with this HTTP status (default 400) and log id. */
  | { kind: 'code'; code: number; msg?: string; status?: number; logId?: string }

/**
 * Options of {@link createFeishuFake}.
 * @see README.md#testing-kit-msgfeishutesting
 */
export interface FeishuFakeOptions {
  /** The app id the token endpoint accepts. Default `cli_fake_app`. */
  appId?: string
  /** The app secret the token endpoint accepts. Default `fake-app-secret`. */
  appSecret?: string
  /** Token lifetime in seconds. Default 7200. */
  tokenLifetimeSeconds?: number
  /** The fake's clock (for the one-hour uuid window and token expiry). */
  now?: () => number
}

/**
 * A fake Feishu / Lark open platform: token endpoint, v4 send, im/v1 create and reply (every
 * `msg_type`, content checked), im/v1 image and file upload.
 * @see README.md#testing-kit-msgfeishutesting
 */
export interface FeishuFake extends VendorFake<FeishuInboxEntry, FeishuFault> {
  mswHandlers(baseURL?: string): HttpHandler[]
  /** Tokens issued so far, oldest first. */
  readonly issuedTokens: string[]
  /** Images and files the fake accepted through im/v1 image and file upload, oldest first. */
  readonly uploads: FeishuFakeUpload[]
  readonly appId: string
  readonly appSecret: string
  /** Injects a fault; by default it matches message requests only (not the token endpoint). */
  inject(fault: FeishuFault, options?: InjectOptions): void
  deliver: FeishuFakeDeliver
}

const hour = 3_600_000
const isTokenRequest = (request: Request) => new URL(request.url).pathname === tenantAccessTokenPath
const replyPath = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/

/**
 * Creates a fake Feishu that checks app credentials and `Authorization: Bearer <token>` like Feishu,
 * answers with its envelopes, statuses and `X-Tt-Logid` headers, and de-duplicates im/v1 uuids for an hour.
 * @see README.md#testing-kit-msgfeishutesting
 */
export function createFeishuFake(options: FeishuFakeOptions = {}): FeishuFake {
  const appId = options.appId ?? 'cli_fake_app'
  const appSecret = options.appSecret ?? 'fake-app-secret'
  const lifetimeMs = (options.tokenLifetimeSeconds ?? 7200) * 1000
  const now = options.now ?? Date.now
  const tokens = new Map<string, number>()
  const issuedTokens: string[] = []
  const base = createVendorFake<FeishuInboxEntry, FeishuFault>({
    defaultBaseURL: 'https://open.feishu.cn',
    answer: answerWithFault,
    faultScope: (request) => !isTokenRequest(request),
    reset() {
      tokens.clear()
      issuedTokens.length = 0
      state.byUuid.clear()
      state.chats.clear()
      uploads.uploads.length = 0
      uploads.images.clear()
      uploads.files.clear()
    },
  })
  const uploads: UploadState = { uploads: [], images: new Set(), files: new Map() }
  const state: MessageState = {
    inbox: base.inbox,
    byUuid: new Map(),
    chats: new Map(),
    appId,
    tenantKey: 'fake_tenant',
    now,
    keys: uploads,
  }

  function issueToken(request: FeishuFakeRequest): Response {
    const body = request.body as { app_id?: unknown; app_secret?: unknown } | undefined
    if (typeof body?.app_id !== 'string' || typeof body.app_secret !== 'string') {
      return feishuJson({ code: 10003, msg: fakeMessages[10003] }, 400)
    }
    if (body.app_id !== appId) return feishuJson({ code: 10003, msg: fakeMessages[10003] })
    if (body.app_secret !== appSecret) return feishuJson({ code: 10014, msg: fakeMessages[10014] })
    const current = issuedTokens.at(-1)
    const left = current === undefined ? 0 : (tokens.get(current) ?? 0) - now()
    // Feishu returns the same token while at least 30 minutes are left, else a new one.
    if (current !== undefined && left >= hour / 2) {
      return feishuJson({ code: 0, msg: 'ok', tenant_access_token: current, expire: Math.floor(left / 1000) })
    }
    const token = `t-${randomHex(20)}`
    tokens.set(token, now() + lifetimeMs)
    issuedTokens.push(token)
    return feishuJson({ code: 0, msg: 'ok', tenant_access_token: token, expire: lifetimeMs / 1000 })
  }

  function route(
    path: string,
  ): ((recorded: FeishuFakeRequest, request: Request) => Response | Promise<Response>) | undefined {
    if (path === '/open-apis/im/v1/images')
      return (recorded, request) => handleUpload(uploads, 'image', request, recorded)
    if (path === '/open-apis/im/v1/files')
      return (recorded, request) => handleUpload(uploads, 'file', request, recorded)
    if (path === '/open-apis/message/v4/send/') return (request) => handleV4Send(state, request)
    if (path === '/open-apis/im/v1/messages') return (request) => handleImCreate(state, request)
    const reply = replyPath.exec(path)?.[1]
    if (reply) return (request) => handleImReply(state, request, decodeURIComponent(reply))
    return undefined
  }

  async function answer(request: FeishuFakeRequest, original: Request): Promise<Response> {
    if (request.method === 'POST' && request.path === tenantAccessTokenPath) return issueToken(request)
    const endpoint = request.method === 'POST' ? route(request.path) : undefined
    if (!endpoint) return new Response('404 page not found', { status: 404 })
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (!bearer) return feishuFailure(99991661, fakeMessages[99991661] ?? '', 400)
    if ((tokens.get(bearer) ?? 0) <= now()) return feishuFailure(99991663, fakeMessages[99991663] ?? '', 400)
    return endpoint(request, original)
  }

  async function applyFault(
    fault: FeishuFault,
    request: FeishuFakeRequest,
    original: Request,
  ): Promise<Response | undefined> {
    switch (fault.kind) {
      case 'rate-limit': {
        const code = fault.code ?? 99991400
        const headers: Record<string, string> =
          code === 99991400
            ? { 'x-ogw-ratelimit-limit': '50', 'x-ogw-ratelimit-reset': String(fault.resetSeconds ?? 1) }
            : {}
        return feishuFailure(code, fakeMessages[code] ?? '', code === 99991400 ? 429 : 400, headers)
      }
      case 'token-expired':
        tokens.clear()
        return feishuFailure(99991663, fakeMessages[99991663] ?? '', 400)
      case 'auth-failed':
        return request.path === tenantAccessTokenPath
          ? feishuJson({ code: 10014, msg: fakeMessages[10014] })
          : feishuFailure(99991672, fakeMessages[99991672] ?? '', 400)
      case 'server-error':
        if (fault.delivered) await answer(request, original)
        return feishuFailure(2200, fakeMessages[2200] ?? '', fault.status ?? 500)
      case 'code':
        return feishuFailure(
          fault.code,
          fault.msg ?? `fake code ${fault.code}`,
          fault.status ?? 400,
          {},
          fault.logId,
        )
      default:
        return undefined
    }
  }

  async function answerWithFault(
    request: Request,
    recorded: RecordedRequest,
    fault: FeishuFault | undefined,
  ): Promise<Response> {
    if (!fault) return answer(recorded, request)
    return (
      (await applyFault(fault, recorded, request)) ??
      (await applyCommonFault(fault, () => answer(recorded, request))) ??
      answer(recorded, request)
    )
  }

  const fake: FeishuFake = {
    ...base,
    deliver: deliverFeishuEvent,
    issuedTokens,
    uploads: uploads.uploads,
    appId,
    appSecret,
  }
  return fake
}
