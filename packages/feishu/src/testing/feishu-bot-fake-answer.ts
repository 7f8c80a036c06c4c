import { feishuBotMaxBodyBytes } from '../bot/bot-body.js'
import { feishuBotHookPath } from '../bot/bot-settings.js'
import { feishuBotSign } from '../bot/bot-sign.js'

/**
 * One message a fake custom bot accepted, in the webhook's own fields.
 * @see README.md#custom-bot
 */
export interface FeishuBotInboxEntry {
  msg_type: string
  content?: unknown
  card?: unknown
  /** The `timestamp` the request was signed with, when the bot has a secret. */
  timestamp?: string
  /** When the fake accepted it (ms). */
  receivedAt: number
}

/**
 * How a fake custom bot is set up: its hook token, its signing secret, its keywords, its limits.
 * @see README.md#custom-bot
 */
export interface FeishuBotFakeOptions {
  /** The token in the webhook path. Default `fake-hook-token-0000`. */
  token?: string
  /** With a secret, every request needs `timestamp` (within one hour) and a matching `sign`. */
  secret?: string
  /** With keywords (自定义关键词), a message must contain one in its text or titles (not links). */
  keywords?: string[]
  /** Requests per sliding second / minute before 11232. Default 5 and 100. */
  perSecond?: number
  perMinute?: number
  /** The fake's clock. */
  now?: () => number
}

/**
 * The custom bot's messages per code, as the bot words them.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export const feishuBotFakeMessages: Record<number, string> = {
  9499: 'Bad Request',
  11232: 'frequency limited',
  19001: 'param invalid: incoming webhook access token invalid',
  19021: 'sign match fail or timestamp is not within one hour from current time',
  19022: 'Ip Not Allowed',
  19024: 'Key Words Not Found',
}

/**
 * A custom-bot JSON reply: `{ code, msg, data }`, plus `StatusCode`/`StatusMessage` on success.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export function feishuBotJson(code: number, status = 200): Response {
  const msg = code === 0 ? 'success' : (feishuBotFakeMessages[code] ?? 'error')
  const body =
    code === 0 ? { code, msg, data: {}, StatusCode: 0, StatusMessage: msg } : { code, msg, data: {} }
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isText = (value: unknown) => typeof value === 'string' && value !== ''

/** Whether a body has the shape its `msg_type` needs. */
function wellFormed(body: Record<string, unknown>): boolean {
  const content = body.content
  switch (body.msg_type) {
    case 'text':
      return isRecord(content) && isText(content.text)
    case 'post':
      return (
        isRecord(content) &&
        isRecord(content.post) &&
        Object.keys(content.post).length > 0 &&
        Object.values(content.post).every((locale) => isRecord(locale) && Array.isArray(locale.content))
      )
    case 'image':
      return isRecord(content) && isText(content.image_key)
    case 'share_chat':
      return isRecord(content) && isText(content.share_chat_id)
    case 'interactive':
      return isRecord(body.card)
    default:
      return false
  }
}

/** The text and title values a keyword is looked for in (links are not searched). */
function searchable(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) searchable(item, into)
  else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && (key === 'text' || key === 'title' || key === 'content'))
        into.push(item)
      else searchable(item, into)
    }
  }
  return into
}

/**
 * The custom bot's side of one request, in the order the bot checks: the hook token, the body's
 * JSON, shape and size (9499), the signature and its one-hour window (19021), keywords (19024), the
 * rate (11232). Accepted messages go to `inbox`. Runtime-neutral (WebCrypto only).
 * @see README.md#custom-bot
 */
export function createFeishuBotAnswer(options: FeishuBotFakeOptions, inbox: FeishuBotInboxEntry[]) {
  const token = options.token ?? 'fake-hook-token-0000'
  const now = options.now ?? Date.now
  const perSecond = options.perSecond ?? 5
  const perMinute = options.perMinute ?? 100
  const accepted: number[] = []
  const answer = async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    if (!url.pathname.startsWith(feishuBotHookPath) || request.method !== 'POST') {
      return new Response('404 page not found', { status: 404 })
    }
    if (url.pathname.slice(feishuBotHookPath.length) !== token) return feishuBotJson(19001)
    const text = await request.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return feishuBotJson(9499, 400)
    }
    const size = new TextEncoder().encode(text).length
    if (!isRecord(body) || !wellFormed(body) || size > feishuBotMaxBodyBytes) return feishuBotJson(9499, 400)
    if (options.secret !== undefined) {
      const { timestamp, sign } = body
      const seconds =
        typeof timestamp === 'string' && /^\d+$/.test(timestamp) ? Number(timestamp) : Number.NaN
      if (!(Math.abs(now() / 1000 - seconds) <= 3600) || typeof sign !== 'string') return feishuBotJson(19021)
      if (sign !== (await feishuBotSign(timestamp as string, options.secret))) return feishuBotJson(19021)
    }
    if (options.keywords && options.keywords.length > 0) {
      const values = searchable(body.msg_type === 'interactive' ? body.card : body.content)
      if (!options.keywords.some((word) => values.some((value) => value.includes(word)))) {
        return feishuBotJson(19024)
      }
    }
    const at = now()
    while (accepted.length > 0 && (accepted[0] as number) <= at - 60_000) accepted.shift()
    const inLastSecond = accepted.filter((time) => time > at - 1000).length
    if (inLastSecond >= perSecond || accepted.length >= perMinute) return feishuBotJson(11232)
    accepted.push(at)
    inbox.push({
      msg_type: body.msg_type as string,
      ...(body.content === undefined ? {} : { content: body.content }),
      ...(body.card === undefined ? {} : { card: body.card }),
      ...(typeof body.timestamp === 'string' ? { timestamp: body.timestamp } : {}),
      receivedAt: at,
    })
    return feishuBotJson(0)
  }
  return { token, answer, reset: () => accepted.splice(0) }
}
