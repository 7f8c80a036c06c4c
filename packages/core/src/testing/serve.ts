import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { droppedAt, type FetchHandler } from './faults.js'

/** A fetch handler served on 127.0.0.1. */
export interface ServedHandler {
  /** `http://127.0.0.1:<port>` */
  url: string
  port: number
  /** Stops the server and drops open connections. */
  close(): Promise<void>
}

/** Options for {@link serve}. */
export interface ServeOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Answer CORS (any origin, the requested headers, `OPTIONS` with 204) for browser tests. */
  cors?: boolean
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': request.headers.origin ?? '*',
    'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
    'access-control-expose-headers': '*',
    'access-control-max-age': '600',
  }
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  const method = incoming.method ?? 'GET'
  const body = chunks.length > 0 && method !== 'GET' && method !== 'HEAD' ? Buffer.concat(chunks) : undefined
  return new Request(new URL(incoming.url ?? '/', origin), { method, headers, ...(body ? { body } : {}) })
}

async function answer(
  handler: FetchHandler,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  options: ServeOptions,
  origin: string,
) {
  const cors = options.cors ? corsHeaders(incoming) : {}
  if (options.cors && incoming.method === 'OPTIONS') {
    outgoing.writeHead(204, cors).end()
    return
  }
  const request = await toRequest(incoming, origin)
  const response = await handler(request)
  const drop = droppedAt(response)
  if (drop === 'before-response') {
    incoming.socket.destroy()
    return
  }
  const headers: Record<string, string> = { ...cors }
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  if (drop === 'mid-response') {
    outgoing.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
    outgoing.write('{"partial":')
    setTimeout(() => incoming.socket.destroy(), 5)
    return
  }
  const body = Buffer.from(await response.arrayBuffer())
  outgoing.writeHead(response.status, { ...headers, 'content-length': String(body.length) })
  outgoing.end(body)
}

/**
 * Serves any fetch handler on 127.0.0.1 (a free port by default) for end-to-end tests,
 * browser tests, benchmarks and the CLI sandbox. Node only.
 */
export async function serve(handler: FetchHandler, options: ServeOptions = {}): Promise<ServedHandler> {
  let origin = ''
  const server = createServer((incoming, outgoing) => {
    answer(handler, incoming, outgoing, options, origin).catch((error: unknown) => {
      if (!outgoing.headersSent) {
        outgoing.writeHead(500, { 'content-type': 'text/plain' })
        outgoing.end(`fake server error: ${error instanceof Error ? error.message : String(error)}`)
      } else outgoing.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    url: origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
