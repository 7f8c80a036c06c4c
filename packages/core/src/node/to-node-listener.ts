import type { IncomingMessage, ServerResponse } from 'node:http'
import type { WebhookHandler } from '../inbound/webhook-handler.js'

/**
 * Options of {@link toNodeListener}.
 * @see @msg/core README.md#msgcorenode
 */
export interface NodeListenerOptions {
  /** Larger request bodies are refused with 413 before the handler sees them. Default 1 MiB. */
  maxBodyBytes?: number
  /** Told about work passed to `waitUntil` that rejected, and about a handler that threw. Default `console.error`. */
  onError?: (error: unknown) => void
}

/** The part of a Koa context the listener uses. */
interface KoaContext {
  req: IncomingMessage
  res: ServerResponse
  respond?: boolean
}

/**
 * A `(req, res)` listener for `node:http`, Express (`app.post(path, listener)`) and Koa
 * (`router.post(path, listener)` or `app.use(listener)`: a Koa context is recognised and
 * `ctx.respond` set to false). It resolves when the answer is written.
 * @see @msg/core README.md#msgcorenode
 */
export interface NodeListener {
  (request: IncomingMessage, response: ServerResponse): Promise<void>
  (context: KoaContext, next?: () => Promise<unknown>): Promise<void>
  /** Resolves when every promise handed to `waitUntil` so far has settled (for graceful shutdown and tests). */
  drain(): Promise<void>
}

const consumedMessage =
  'the request body was already read (a body parser ran first). Mount the webhook before express.json(), ' +
  'bodyParser or koa-body, or on a router without them: its signature is checked over the raw bytes.'

function alreadyConsumed(request: IncomingMessage): boolean {
  const parsed = request as IncomingMessage & { body?: unknown; _body?: unknown }
  return (
    request.readableEnded || request.readableDidRead || parsed._body === true || parsed.body !== undefined
  )
}

async function readBody(
  request: IncomingMessage,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of request) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array)
    size += bytes.length
    if (size > limit) return 'too-large'
    chunks.push(bytes)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.length
  }
  return body
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  return headers
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text)
}

async function write(response: ServerResponse, answer: Response): Promise<void> {
  const body = new Uint8Array(await answer.arrayBuffer())
  const headers: Record<string, string | string[]> = {}
  answer.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = answer.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  headers['content-length'] = String(body.length)
  response.writeHead(answer.status, headers).end(body)
}

/**
 * Serves a `{ fetch(request, context) }` webhook from Node's `http` module, Express or Koa. It reads
 * the raw body from the request stream itself (never a parsed and re-serialised body: vendors sign
 * the exact bytes), and refuses with a 500 that says so when a body parser consumed the stream
 * first. It passes a `waitUntil` that keeps track of deferred work (see `drain()`). Node only.
 * @see @msg/core README.md#msgcorenode
 */
export function toNodeListener(webhook: WebhookHandler, options: NodeListenerOptions = {}): NodeListener {
  const limit = options.maxBodyBytes ?? 1024 * 1024
  const onError = options.onError ?? ((error: unknown) => console.error('[@msg/core] webhook:', error))
  const pending = new Set<Promise<unknown>>()
  const waitUntil = (promise: Promise<unknown>) => {
    const tracked = Promise.resolve(promise)
      .catch(onError)
      .finally(() => pending.delete(tracked))
    pending.add(tracked)
  }

  async function listen(
    first: IncomingMessage | KoaContext,
    second?: ServerResponse | unknown,
  ): Promise<void> {
    // Koa calls middleware as (ctx, next); node:http and Express as (req, res[, next]).
    const koa = typeof second !== 'object' && 'req' in first ? first : undefined
    if (koa) koa.respond = false
    const request = koa ? koa.req : (first as IncomingMessage)
    const response = koa ? koa.res : (second as ServerResponse)
    try {
      if (alreadyConsumed(request))
        return plain(response, 500, `[@msg/core] toNodeListener: ${consumedMessage}`)
      const method = request.method ?? 'GET'
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request, limit)
      if (body === 'too-large') return plain(response, 413, 'request body too large')
      const secure = (request.socket as { encrypted?: boolean }).encrypted === true
      const url = new URL(
        request.url ?? '/',
        `${secure ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`,
      )
      const headers = toHeaders(request)
      const answer = await webhook.fetch(new Request(url, { method, headers, ...(body ? { body } : {}) }), {
        waitUntil,
      })
      await write(response, answer)
    } catch (error) {
      onError(error)
      if (!response.headersSent) plain(response, 500, 'webhook failed')
      else response.destroy()
    }
  }

  const listener = listen as NodeListener
  listener.drain = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending])
  }
  return listener
}
