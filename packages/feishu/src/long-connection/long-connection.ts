import { createHttpClient, MsgError, VendorError } from '@msg/core'
import { feishuDomains } from '../feishu-settings.js'
import { version } from '../version.js'
import { createFragmentBuffer } from './fragment-buffer.js'
import { createFeishuPushHandler } from './long-connection-push.js'
import {
  type FeishuLongConnectionSettings,
  type FeishuWebSocket,
  resolveFeishuWebSocket,
} from './long-connection-settings.js'
import { decodePbbp2Frame, encodePbbp2Frame, type Pbbp2Frame, pbbp2Header } from './pbbp2-frame.js'
import {
  defaultFeishuWsClientConfig,
  type FeishuWsClientConfig,
  fetchFeishuWsEndpoint,
  readFeishuWsClientConfig,
} from './ws-endpoint.js'

/**
 * A running long connection. `start()` resolves once the first socket is open and rejects when
 * the endpoint refuses (e.g. `AuthError` for a wrong secret); later drops reconnect by themselves.
 * `close()` stops every timer and closes the socket, so a process with nothing else to do exits.
 * @see README.md#long-connection
 */
export interface FeishuLongConnection {
  start(): Promise<void>
  close(): Promise<void>
}

const CONTROL = 0
const DATA = 1
const OPEN = 1
const utf8 = new TextEncoder()
const closeWaitMs = 1_000

function bytesOf(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return undefined
}

/**
 * Receives Feishu / Lark events and card callbacks over Feishu's WebSocket long connection, without
 * a public URL. It asks `POST /callback/ws/endpoint` for a URL, pings at the server's interval,
 * reassembles split payloads, dispatches each push like the webhook does (same handlers, same
 * de-duplication) and acknowledges it on the same socket within Feishu's 3 s: `{"code":200}`, or
 * 500 when a handler threw (Feishu then pushes the event again). After a drop it waits a random
 * `0..ReconnectNonce` s, then tries every `ReconnectInterval` s, `ReconnectCount` times (-1: forever),
 * fetching a fresh URL each time; it stops on a refusal that cannot clear up by itself.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export function createFeishuLongConnection(settings: FeishuLongConnectionSettings): FeishuLongConnection {
  const { appId, appSecret } = settings
  if (typeof appId !== 'string' || appId === '' || typeof appSecret !== 'string' || appSecret === '') {
    throw new MsgError({
      vendor: 'feishu',
      message: 'createFeishuLongConnection: appId and appSecret are required',
    })
  }
  const WebSocketClass = resolveFeishuWebSocket(settings.WebSocket)
  const onError =
    settings.onError ?? ((error: unknown) => console.error('[@msg/feishu] long connection:', error))
  const random = settings.random ?? Math.random
  const http = createHttpClient({
    vendor: 'feishu',
    version,
    defaultBaseURL: feishuDomains[settings.domain ?? 'feishu'],
    settings,
    secrets: () => [appSecret],
  })
  const handlePush = createFeishuPushHandler(settings, onError)
  const fragments = createFragmentBuffer(settings.fragmentTimeoutMs ?? 10_000)
  let config: FeishuWsClientConfig = { ...defaultFeishuWsClientConfig }
  let socket: FeishuWebSocket | undefined
  let pingTimer: ReturnType<typeof setTimeout> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let retryWake: (() => void) | undefined
  let aborter = new AbortController()
  let closed = false
  let started: Promise<void> | undefined

  function applyConfig(update: Partial<FeishuWsClientConfig>): void {
    config = { ...config, ...update }
  }

  function schedulePing(ws: FeishuWebSocket, service: number): void {
    clearTimeout(pingTimer)
    pingTimer = setTimeout(() => {
      if (ws !== socket || ws.readyState !== OPEN) return
      const ping = {
        seqId: '0',
        logId: '0',
        service,
        method: CONTROL,
        headers: [{ key: 'type', value: 'ping' }],
      }
      ws.send(encodePbbp2Frame(ping))
      schedulePing(ws, service)
    }, config.pingInterval * 1000)
  }

  function ack(ws: FeishuWebSocket, frame: Pbbp2Frame, answer: object, startedAt: number): void {
    if (ws.readyState !== OPEN) return // the socket is gone; Feishu pushes the event again
    const headers = [...frame.headers, { key: 'biz_rt', value: String(Math.max(0, Date.now() - startedAt)) }]
    ws.send(encodePbbp2Frame({ ...frame, headers, payload: utf8.encode(JSON.stringify(answer)) }))
  }

  function receive(ws: FeishuWebSocket, service: number, data: unknown): void {
    const bytes = bytesOf(data)
    if (bytes === undefined) return
    let frame: Pbbp2Frame
    try {
      frame = decodePbbp2Frame(bytes)
    } catch (cause) {
      onError(new MsgError({ vendor: 'feishu', message: 'long connection: unreadable frame', cause }))
      return
    }
    const type = pbbp2Header(frame, 'type')
    if (frame.method === CONTROL) {
      if (type !== 'pong' || frame.payload === undefined || frame.payload.length === 0) return
      try {
        applyConfig(readFeishuWsClientConfig(JSON.parse(new TextDecoder().decode(frame.payload))))
        schedulePing(ws, service)
      } catch {
        // A pong without a readable config changes nothing.
      }
      return
    }
    if (frame.method !== DATA || (type !== 'event' && type !== 'card')) return
    const startedAt = Date.now()
    const whole = fragments.add(
      pbbp2Header(frame, 'message_id') ?? '',
      Number(pbbp2Header(frame, 'sum') ?? '1'),
      Number(pbbp2Header(frame, 'seq') ?? '0'),
      frame.payload ?? new Uint8Array(),
    )
    if (whole === undefined) return
    void handlePush(whole).then((answer) => ack(ws, frame, answer, startedAt))
  }

  /** Fetches a URL and opens one socket; resolves when it is open. */
  async function connect(): Promise<void> {
    const endpoint = await fetchFeishuWsEndpoint(http, { appId, appSecret }, { signal: aborter.signal })
    applyConfig(endpoint.clientConfig)
    if (closed) return
    const service = Number(new URL(endpoint.url).searchParams.get('service_id') ?? '0') | 0
    const ws = new WebSocketClass(endpoint.url)
    ws.binaryType = 'arraybuffer'
    socket = ws
    await new Promise<void>((resolve, reject) => {
      let open = false
      ws.addEventListener('open', () => {
        open = true
        resolve()
        ws.send(
          encodePbbp2Frame({
            seqId: '0',
            logId: '0',
            service,
            method: CONTROL,
            headers: [{ key: 'type', value: 'ping' }],
          }),
        )
        schedulePing(ws, service)
      })
      ws.addEventListener('message', (event: { data: unknown }) => receive(ws, service, event.data))
      ws.addEventListener('error', () => {
        if (!open)
          reject(new MsgError({ vendor: 'feishu', message: 'long connection: the WebSocket did not open' }))
      })
      ws.addEventListener('close', () => {
        if (ws === socket) socket = undefined
        if (!open) {
          reject(new MsgError({ vendor: 'feishu', message: 'long connection: the WebSocket did not open' }))
          return
        }
        clearTimeout(pingTimer)
        fragments.clear()
        // An open socket that closed without close() was dropped: start over with a fresh URL.
        if (!closed) void reconnect()
      })
    })
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      retryWake = resolve
      retryTimer = setTimeout(resolve, ms)
    })
  }

  async function reconnect(): Promise<void> {
    await wait(random() * config.reconnectNonce * 1000)
    for (let attempt = 1; !closed; attempt++) {
      try {
        await connect()
        return
      } catch (error) {
        if (closed) return
        onError(error)
        const final = VendorError.isInstance(error) && !error.retryable
        if (final || (config.reconnectCount >= 0 && attempt >= config.reconnectCount)) {
          onError(
            new MsgError({
              vendor: 'feishu',
              message: `long connection: gave up after ${attempt} attempt(s)`,
            }),
          )
          return
        }
      }
      await wait(config.reconnectInterval * 1000)
    }
  }

  return {
    start() {
      if (closed)
        return Promise.reject(new MsgError({ vendor: 'feishu', message: 'long connection: closed' }))
      started ??= connect().catch((error: unknown) => {
        started = undefined
        throw error
      })
      return started
    },
    async close() {
      closed = true
      aborter.abort()
      aborter = new AbortController()
      clearTimeout(pingTimer)
      clearTimeout(retryTimer)
      retryWake?.()
      fragments.clear()
      const ws = socket
      socket = undefined
      if (ws === undefined) return
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          ws.terminate?.()
          resolve()
        }, closeWaitMs)
        ws.addEventListener('close', () => {
          clearTimeout(timer)
          resolve()
        })
        ws.close(1000)
      })
    },
  }
}
