import {
  applyCommonFault,
  createVendorFake,
  htmlResponse,
  type InjectOptions,
  type RecordedRequest,
  type VendorFake,
} from '@msg/core/testing'
import type { HttpHandler } from 'msw'
import { invalidParameterCode } from './fake-codes.js'
import { answerUpload, type FxiaokeMediaIdField, type FxiaokeUploadEntry } from './fake-media-upload.js'
import { articlesFault, compositeFault } from './fake-message-checks.js'
import { createFakeTokenEndpoint } from './fake-token-endpoint.js'
import { deliverFxiaokeEvent, type FxiaokeFakeDeliver } from './fxiaoke-deliver.js'
import { answerFault, type FxiaokeFault, type VendorFault } from './fxiaoke-faults.js'

/**
 * What the fake accepts and how it behaves.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export interface FxiaokeFakeOptions {
  appId?: string
  appSecret?: string
  permanentCode?: string
  /** The enterprise account the token endpoint returns and `x-fs-ea` must carry. Default `'fake-ea'`. */
  ea?: string
  /** Employee ids that exist; when given, a message to anyone else fails with 30027. */
  employees?: string[]
  /** How long a token call stays in flight (ms). Default 5. */
  tokenLatencyMs?: number
  /** Token calls allowed per minute. Default 10 (the documented limit). */
  tokenCallsPerMinute?: number
  /** Where upload replies carry the media id (undocumented). Default `'mediaId'`. */
  mediaIdField?: FxiaokeMediaIdField
}

/**
 * A message the fake accepted.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export interface FxiaokeInboxEntry {
  traceId: string
  thirdTraceId: string
  convention: 'v2' | 'legacy'
  ea: string
  userId: string | undefined
  toUser: string[]
  msgType: 'text' | 'composite' | 'articles'
  /** The message's own field, as received: `text`, `composite` or `articles`. */
  text?: { content: string }
  composite?: Record<string, unknown>
  articles?: Record<string, unknown>[]
  convertUserId?: boolean
  convertMediaId?: boolean
}

/**
 * A request as the fake saw it.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export type FxiaokeFakeRequest = RecordedRequest

/**
 * A fake Fxiaoke OpenAPI: a fetch handler with an inbox, a request log and fault injection.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export interface FxiaokeFake extends VendorFake<FxiaokeInboxEntry, FxiaokeFault> {
  mswHandlers(baseURL?: string): HttpHandler[]
  /** Faults hit non-token requests unless `match` says otherwise. */
  inject(fault: FxiaokeFault, options?: InjectOptions): void
  /** Token requests received (v2 and legacy), including rejected ones. */
  readonly tokenCalls: number
  /** Token calls refused because another token call was in flight. */
  readonly concurrentTokenRejections: number
  /** Revokes every issued token (the next send answers 20016). */
  expireTokens(): void
  /** Pushes an event to a webhook like Fxiaoke: encrypted, signed, retried once. */
  deliver: FxiaokeFakeDeliver
  /** Images accepted by `/media/upload/message`, in order. */
  readonly uploads: FxiaokeUploadEntry[]
}

export { invalidParameterCode } from './fake-codes.js'

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
const tokenPaths = ['/oauth2.0/token', '/cgi/corpAccessToken/get/V2']
const uploadPath = '/media/upload/message'
/** The endpoint a path ends with (the fake also answers below a proxy's path prefix). */
const endpointOf = (path: string) =>
  [...tokenPaths, '/cgi/message/send', uploadPath].find((endpoint) => path.endsWith(endpoint))
const isTokenRequest = (request: Request) =>
  tokenPaths.includes(endpointOf(new URL(request.url).pathname) ?? '')

/**
 * Creates a fake Fxiaoke: `/oauth2.0/token` and legacy `/cgi/corpAccessToken/get/V2` (one call at a
 * time, 10 a minute, same token for its first 6600 s), `/cgi/message/send` checking the v2
 * headers (or legacy body token), a fresh UUID v4 `thirdTraceId`, and the body (`text`, `composite`,
 * `articles` with their required fields and limits, ≤ 500 recipients), and `/media/upload/message`
 * (multipart field `media`, issuing media ids); Fxiaoke envelopes, HTTP 200.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export function createFxiaokeFake(options: FxiaokeFakeOptions = {}): FxiaokeFake {
  const appId = options.appId ?? 'FSAID_fake'
  const appSecret = options.appSecret ?? 'fake-app-secret'
  const permanentCode = options.permanentCode ?? 'fake-permanent-code'
  const ea = options.ea ?? 'fake-ea'
  const tokens = createFakeTokenEndpoint({ ...options, appId, appSecret, permanentCode, ea })
  let seenTraceIds = new Set<string>()
  let counter = 0
  const uploads: FxiaokeUploadEntry[] = []
  const mediaIds = new Set<string>()

  const traceId = () => `E-O.${ea}.${Date.now().toString(36)}.${(++counter).toString(36)}`
  const answer = (
    errorCode: number | string,
    fields: Record<string, unknown> = {},
    errorMessage?: string,
    status = 200,
  ) =>
    Response.json(
      {
        traceId: traceId(),
        ...fields,
        errorCode,
        errorMessage: errorMessage ?? (errorCode === 0 ? 'success' : `fake error ${errorCode}`),
      },
      { status },
    )
  const valid = (token: unknown) => tokens.valid(token)

  function sendMessage(request: Request, body: Record<string, unknown>, thirdTraceId: string): Response {
    const legacy = 'corpAccessToken' in body
    const userId = request.headers.get('x-fs-userid') ?? undefined
    if (legacy) {
      if (!valid(body.corpAccessToken)) return answer(20005)
      if (body.corpId !== ea) return answer(11015)
    } else {
      const bearer = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1]
      if (!valid(bearer)) return answer(20016)
      if (request.headers.get('x-fs-ea') !== ea) return answer(20017)
      if (!userId) return answer(invalidParameterCode, {}, 'x-fs-userid is required')
    }
    const { toUser, msgType, text, composite, articles, convertUserId, convertMediaId } = body as {
      toUser?: unknown
      msgType?: unknown
      text?: { content?: unknown }
      composite?: Record<string, unknown>
      articles?: Record<string, unknown>[]
      convertUserId?: boolean
      convertMediaId?: boolean
    }
    if (toUser === undefined) return answer(10015)
    if (
      !Array.isArray(toUser) ||
      toUser.length === 0 ||
      toUser.length > 500 ||
      !toUser.every((id) => typeof id === 'string' && id !== '')
    )
      return answer(11016)
    if (msgType !== 'text' && msgType !== 'composite' && msgType !== 'articles') return answer(11017)
    if (msgType === 'text' && (typeof text?.content !== 'string' || text.content === '')) return answer(12005)
    const fault =
      msgType === 'composite'
        ? compositeFault(composite)
        : msgType === 'articles'
          ? articlesFault(articles, mediaIds)
          : undefined
    if (fault !== undefined) return answer(fault)
    const employees = options.employees
    if (employees && !toUser.every((id) => employees.includes(id))) return answer(30027)
    const id = traceId()
    fake.inbox.push({
      traceId: id,
      thirdTraceId,
      convention: legacy ? 'legacy' : 'v2',
      ea,
      userId,
      toUser: [...toUser],
      msgType,
      ...(msgType === 'text' ? { text: { content: String(text?.content) } } : {}),
      ...(msgType === 'composite' ? { composite } : {}),
      ...(msgType === 'articles' ? { articles } : {}),
      ...(convertUserId === undefined ? {} : { convertUserId }),
      ...(convertMediaId === undefined ? {} : { convertMediaId }),
    })
    return answer(0, { traceId: id, errorDescription: 'success' }, 'OK')
  }

  async function route(request: Request, endpoint: string, body: unknown, thirdTraceId: string) {
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
    if (endpoint === uploadPath) {
      return answerUpload(request, thirdTraceId, {
        ea,
        valid,
        answer,
        traceId,
        mediaIdField: options.mediaIdField ?? 'mediaId',
        uploads,
        mediaIds,
      })
    }
    if (tokenPaths.includes(endpoint)) {
      const issued = await tokens.issue(fields, endpoint === tokenPaths[1])
      return answer(issued.errorCode, issued.fields, issued.errorMessage)
    }
    return sendMessage(request, fields, thirdTraceId)
  }

  async function answerWithFault(
    request: Request,
    recorded: RecordedRequest,
    fault: FxiaokeFault | undefined,
  ): Promise<Response> {
    const url = new URL(request.url)
    const path = url.pathname
    const { body } = recorded
    const endpoint = endpointOf(path)
    if (request.method !== 'POST' || !endpoint) return htmlResponse(404, '404 Not Found')
    const thirdTraceId = url.searchParams.get('thirdTraceId') ?? ''
    if (!uuidV4.test(thirdTraceId) || seenTraceIds.has(thirdTraceId))
      return answer(invalidParameterCode, {}, 'thirdTraceId must be a new UUID v4')
    seenTraceIds.add(thirdTraceId)
    if (endpoint !== uploadPath && (typeof body !== 'object' || body === null))
      return answer(invalidParameterCode)
    if (!fault) return route(request, endpoint, body, thirdTraceId)
    const common = await applyCommonFault(fault, () => route(request, endpoint, body, thirdTraceId))
    if (common) return common
    return answerFault(fault as VendorFault, {
      answer,
      expireTokens: () => fake.expireTokens(),
      deliver: () => route(request, endpoint, body, thirdTraceId),
    })
  }

  const base = createVendorFake<FxiaokeInboxEntry, FxiaokeFault>({
    defaultBaseURL: 'https://open.fxiaoke.com',
    answer: answerWithFault,
    faultScope: (request) => !isTokenRequest(request),
    reset() {
      tokens.reset()
      seenTraceIds = new Set()
      uploads.length = 0
      mediaIds.clear()
    },
  })
  const fake: FxiaokeFake = {
    ...base,
    get tokenCalls() {
      return tokens.stats.calls
    },
    get concurrentTokenRejections() {
      return tokens.stats.concurrentRejections
    },
    expireTokens: () => tokens.expire(),
    deliver: deliverFxiaokeEvent,
    uploads,
  }
  return fake
}
