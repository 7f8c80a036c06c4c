import { randomHex } from '@msg/core'
import { serve } from '@msg/core/testing'
import type { WebSocket as WsSocket } from 'ws'
import {
  decodePbbp2Frame,
  encodePbbp2Frame,
  type Pbbp2Frame,
  pbbp2Header,
} from '../long-connection/pbbp2-frame.js'
import type { FeishuPushInput } from './feishu-deliver.js'

/**
 * Options of {@link createFeishuLongConnectionFake}. The ClientConfig values are seconds, as
 * Feishu sends them; tests use fractions to keep reconnects fast.
 * @see README.md#long-connection
 */
export interface FeishuLongConnectionFakeOptions {
  appId?: string
  appSecret?: string
  /** Sent by the endpoint and in every pong. Default: ping 120, reconnect 0.05 / nonce 0 / count 5. */
  clientConfig?: Record<string, number>
  /** Sent in pongs instead of `clientConfig`, to see a client apply them. */
  pongClientConfig?: Record<string, number>
  /** The `service_id` of the URL. Default 7. */
  serviceId?: number
}

/**
 * An ack the fake received: the `message_id` it acknowledges, the echoed frame and its JSON payload.
 * @see README.md#long-connection
 */
export interface FeishuLongConnectionAck {
  messageId: string
  frame: Pbbp2Frame
  answer: { code: number; data?: string }
}

/**
 * Feishu's long-connection side, on 127.0.0.1: `POST /callback/ws/endpoint` hands out the `ws://`
 * URL of a second port, pushes go out as data frames (optionally split), acks are recorded, pings are answered
 * with a pong carrying the ClientConfig, and the socket can be dropped. Like Feishu, it pushes
 * every unacknowledged event again on the next connection. Node only (it needs the `ws` package).
 * @see README.md#long-connection
 */
export interface FeishuLongConnectionFake {
  /** `http://127.0.0.1:<port>`: pass it as `baseURL`. */
  baseURL: string
  appId: string
  appSecret: string
  /** Endpoint requests so far. */
  readonly endpointCalls: number
  /** Sockets accepted so far. */
  readonly connections: number
  /** Pings received so far. */
  readonly pings: number
  /** Every ack received, in order. */
  readonly acks: readonly FeishuLongConnectionAck[]
  /** Data frames sent so far, re-sends included. */
  readonly framesSent: number
  /** Pushes an event (schema 2.0, like the webhook body) in `parts` frames; resolves with its ack. */
  push(input: FeishuPushInput, options?: { parts?: number }): Promise<FeishuLongConnectionAck>
  /** The endpoint answers the next requests with these Feishu codes instead of a URL. */
  refuse(...codes: number[]): void
  /** Drops the open socket without a closing handshake. */
  drop(): void
  /** Drops the open socket as soon as the `count`-th ack (counting all so far) arrives. */
  dropAfterAcks(count: number): void
  /** Stops the server and every socket. */
  close(): Promise<void>
}

interface Pending {
  messageId: string
  parts: Uint8Array[]
  resolve: (ack: FeishuLongConnectionAck) => void
}

const utf8 = new TextEncoder()

function envelope(input: FeishuPushInput, appId: string): Record<string, unknown> {
  if ('payload' in input) return input.payload
  const header = {
    event_id: input.event_id ?? randomHex(16),
    token: '',
    create_time: input.create_time ?? String(Date.now()),
    event_type: input.event_type,
    tenant_key: input.tenant_key ?? 'fake_tenant',
    app_id: input.app_id ?? appId,
  }
  return { schema: '2.0', header, event: input.event }
}

function split(bytes: Uint8Array, parts: number): Uint8Array[] {
  const size = Math.ceil(bytes.length / parts)
  return Array.from({ length: parts }, (_, index) => bytes.slice(index * size, (index + 1) * size))
}

/**
 * Starts a {@link FeishuLongConnectionFake}. `ws` is loaded here, on use, so the rest of
 * `@msg/feishu/testing` works without it.
 * @see README.md#long-connection
 */
export async function createFeishuLongConnectionFake(
  options: FeishuLongConnectionFakeOptions = {},
): Promise<FeishuLongConnectionFake> {
  const { WebSocketServer } = await import('ws')
  const appId = options.appId ?? 'cli_a1b2c3d4e5f60718'
  const appSecret = options.appSecret ?? 'fake-long-connection-secret'
  const serviceId = options.serviceId ?? 7
  const clientConfig = {
    PingInterval: 120,
    ReconnectCount: 5,
    ReconnectInterval: 0.05,
    ReconnectNonce: 0,
    ...options.clientConfig,
  }
  const pending = new Map<string, Pending>()
  const acks: FeishuLongConnectionAck[] = []
  const refusals: number[] = []
  let [endpointCalls, connections, pings, framesSent] = [0, 0, 0, 0]
  let seq = 9_007_199_254_740_993n // above 2^53: ids must survive exactly
  let current: WsSocket | undefined
  let dropAt = Number.POSITIVE_INFINITY

  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/ws' })
  await new Promise<void>((resolve) => wss.once('listening', resolve))
  const { port: wsPort } = wss.address() as { port: number }
  const endpoint = await serve(async (request) => {
    if (request.method !== 'POST' || new URL(request.url).pathname !== '/callback/ws/endpoint') {
      return new Response(null, { status: 404 })
    }
    const body = (await request.json().catch(() => ({}))) as Record<string, unknown>
    endpointCalls++
    const refused = refusals.shift()
    if (refused !== undefined) return Response.json({ code: refused, msg: 'refused by the fake', data: {} })
    if (body.AppID !== appId || body.AppSecret !== appSecret) {
      return Response.json({ code: 514, msg: 'auth failed', data: {} })
    }
    const url = `ws://127.0.0.1:${wsPort}/ws?device_id=fake_device&service_id=${serviceId}`
    return Response.json({ code: 0, msg: 'ok', data: { URL: url, ClientConfig: clientConfig } })
  })

  function send(socket: WsSocket, item: Pending): void {
    item.parts.forEach((part, index) => {
      seq++
      const headers = [
        { key: 'type', value: 'event' },
        { key: 'message_id', value: item.messageId },
        { key: 'sum', value: String(item.parts.length) },
        { key: 'seq', value: String(index) },
        { key: 'trace_id', value: `trace_${item.messageId}` },
      ]
      const frame = {
        seqId: String(seq),
        logId: String(seq + 1n),
        service: serviceId,
        method: 1,
        headers,
        payload: part,
      }
      framesSent++
      socket.send(encodePbbp2Frame(frame))
    })
  }

  function receive(socket: WsSocket, data: Buffer): void {
    const frame = decodePbbp2Frame(new Uint8Array(data))
    if (frame.method === 0 && pbbp2Header(frame, 'type') === 'ping') {
      pings++
      const pong = {
        ...frame,
        headers: [{ key: 'type', value: 'pong' }],
        payload: utf8.encode(JSON.stringify(options.pongClientConfig ?? clientConfig)),
      }
      socket.send(encodePbbp2Frame(pong))
      return
    }
    const messageId = pbbp2Header(frame, 'message_id') ?? ''
    const item = pending.get(messageId)
    const ack: FeishuLongConnectionAck = {
      messageId,
      frame,
      answer: JSON.parse(new TextDecoder().decode(frame.payload ?? new Uint8Array())),
    }
    acks.push(ack)
    if (acks.length === dropAt) drop()
    if (item === undefined) return
    pending.delete(messageId)
    item.resolve(ack)
  }

  function drop(): void {
    current?.terminate()
    current = undefined
  }

  wss.on('connection', (socket: WsSocket) => {
    connections++
    current = socket
    socket.on('message', (data: Buffer) => receive(socket, data))
    socket.on('close', () => {
      if (current === socket) current = undefined
    })
    // Like Feishu: whatever was never acknowledged goes out again.
    for (const item of pending.values()) send(socket, item)
  })

  return {
    baseURL: endpoint.url,
    appId,
    appSecret,
    get endpointCalls() {
      return endpointCalls
    },
    get connections() {
      return connections
    },
    get pings() {
      return pings
    },
    get framesSent() {
      return framesSent
    },
    acks,
    push(input, pushOptions = {}) {
      const bytes = utf8.encode(JSON.stringify(envelope(input, appId)))
      const messageId = `msg_${randomHex(8)}`
      return new Promise((resolve) => {
        const item = { messageId, parts: split(bytes, pushOptions.parts ?? 1), resolve }
        pending.set(messageId, item)
        if (current !== undefined && current.readyState === current.OPEN) send(current, item)
      })
    },
    refuse(...codes) {
      refusals.push(...codes)
    },
    drop,
    dropAfterAcks(count) {
      dropAt = count
    },
    async close() {
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await endpoint.close()
    },
  }
}
