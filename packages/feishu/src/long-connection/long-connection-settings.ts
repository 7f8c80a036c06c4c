import { type DedupeStore, MsgError, type TransportSettings } from '@msg/core'
import type { FeishuWebhookSettings } from '../webhook/feishu-webhook-settings.js'

/**
 * The part of the WebSocket API the long connection uses: the global `WebSocket` of browsers,
 * Deno, Bun and Node ≥ 22, and the class of the `ws` package on Node 20.
 * @see README.md#long-connection
 */
export interface FeishuWebSocket {
  binaryType: string
  readonly readyState: number
  send(data: Uint8Array): void
  close(code?: number, reason?: string): void
  // biome-ignore lint/suspicious/noExplicitAny: the DOM and `ws` type their event objects differently.
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: any) => void): void
  /** `ws` only: drops the socket without the closing handshake. */
  terminate?(): void
}

/**
 * A WebSocket class: `new WebSocket(url)`.
 * @see README.md#long-connection
 */
export type FeishuWebSocketConstructor = new (url: string) => FeishuWebSocket

/**
 * Everything `createFeishuLongConnection` takes: the self-built app's credentials, the handlers
 * (the same as the webhook's), and transport settings for the endpoint call (`baseURL`, `fetch`,
 * `timeout`, hooks).
 * @see README.md#long-connection
 */
export interface FeishuLongConnectionSettings
  extends Pick<FeishuWebhookSettings, 'onEvent' | 'onMessage' | 'onCardAction' | 'client'>,
    TransportSettings {
  /** The app id, `cli_…`. Only self-built apps may use the long connection. */
  appId: string
  /** The app secret. */
  appSecret: string
  /** `feishu` (open.feishu.cn, default) or `lark` (open.larksuite.com). `baseURL` wins over it. */
  domain?: 'feishu' | 'lark'
  /** The WebSocket class. Default `globalThis.WebSocket`; on Node 20 pass `WebSocket` from `ws`. */
  WebSocket?: FeishuWebSocketConstructor
  /** Where handled event ids are remembered (Keyv-compatible). Default: in memory, this process only. */
  dedupe?: DedupeStore
  /** How long handled ids are remembered. Default 12 h. */
  dedupeTtlMs?: number
  /** How long an incompletely received split payload is kept. Default 10 000 ms. */
  fragmentTimeoutMs?: number
  /**
   * Told about handlers that threw, malformed pushes, dropped sockets and failed reconnects.
   * Default `console.error`.
   */
  onError?: (error: unknown) => void
  /** `[0, 1)`, for the reconnect jitter. Default `Math.random`. */
  random?: () => number
}

/**
 * The WebSocket class to use: the one given, else `globalThis.WebSocket`; a `MsgError` naming the
 * fix when the runtime has none (Node 20).
 * @see README.md#long-connection
 */
export function resolveFeishuWebSocket(
  given: FeishuWebSocketConstructor | undefined,
): FeishuWebSocketConstructor {
  const found = given ?? (globalThis as { WebSocket?: FeishuWebSocketConstructor }).WebSocket
  if (found === undefined) {
    throw new MsgError({
      vendor: 'feishu',
      message:
        "createFeishuLongConnection: this runtime has no global WebSocket; pass one, e.g. { WebSocket } from 'ws'",
    })
  }
  return found
}
