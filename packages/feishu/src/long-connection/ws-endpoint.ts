import {
  AuthError,
  type CallOptions,
  type HttpClient,
  type HttpResponse,
  type RequestContext,
  VendorError,
} from '@msg/core'

/** The endpoint that hands out a long-connection URL, identical on Feishu and Lark. */
export const feishuWsEndpointPath = '/callback/ws/endpoint'

/**
 * How the client paces itself, in seconds, as the endpoint and every pong give it.
 * `reconnectCount` -1 means "reconnect forever".
 * @see README.md#long-connection
 */
export interface FeishuWsClientConfig {
  pingInterval: number
  reconnectCount: number
  reconnectInterval: number
  reconnectNonce: number
}

/**
 * What the endpoint answers: the `wss://` URL to connect to (its query carries `service_id`, used
 * in pings) and the client config.
 * @see README.md#long-connection
 */
export interface FeishuWsEndpoint {
  url: string
  clientConfig: Partial<FeishuWsClientConfig>
}

/** Used until the endpoint or a pong says otherwise. */
export const defaultFeishuWsClientConfig: FeishuWsClientConfig = {
  pingInterval: 120,
  reconnectCount: -1,
  reconnectInterval: 120,
  reconnectNonce: 30,
}

// Codes that may clear up by themselves: 1 "system busy", 1000040343 "internal error",
// 1000040350 "too many connections" (at most 50 per app).
const retryableCodes = new Set([1, 1000040343, 1000040350])
// Codes that mean the credentials were refused: 403 forbidden, 514 authentication failed.
const authCodes = new Set([403, 514])

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Reads a ClientConfig object (`PingInterval`, `ReconnectCount`, `ReconnectInterval`,
 * `ReconnectNonce`, seconds) into our names, keeping only finite numbers.
 * @see README.md#long-connection
 */
export function readFeishuWsClientConfig(value: unknown): Partial<FeishuWsClientConfig> {
  if (!isObject(value)) return {}
  const config: Partial<FeishuWsClientConfig> = {}
  const names = [
    ['PingInterval', 'pingInterval'],
    ['ReconnectCount', 'reconnectCount'],
    ['ReconnectInterval', 'reconnectInterval'],
    ['ReconnectNonce', 'reconnectNonce'],
  ] as const
  for (const [wire, ours] of names) {
    const number = value[wire]
    if (typeof number === 'number' && Number.isFinite(number)) config[ours] = number
  }
  return config
}

function readEndpoint(response: HttpResponse, context: RequestContext): FeishuWsEndpoint {
  const body = response.body
  const where = `${context.operation} ${context.method} ${context.path}`
  if (!isObject(body) || (typeof body.code !== 'number' && typeof body.code !== 'string')) {
    throw new VendorError({
      vendor: 'feishu',
      message: `${where}: HTTP ${response.status}, not Feishu's answer`,
      code: undefined,
      status: response.status,
      retryable: response.status >= 500,
    })
  }
  const code = Number(body.code)
  const vendorMessage = typeof body.msg === 'string' ? context.redact(body.msg) : undefined
  const data = body.data
  if (code === 0 && isObject(data) && typeof data.URL === 'string' && /^wss?:\/\//.test(data.URL)) {
    return { url: data.URL, clientConfig: readFeishuWsClientConfig(data.ClientConfig) }
  }
  const options = {
    vendor: 'feishu' as const,
    message: `${where}: code ${code}${vendorMessage ? ` ${vendorMessage}` : ''}`,
    code,
    status: response.status,
    vendorMessage,
  }
  if (code === 0) {
    throw new VendorError({ ...options, message: `${where}: code 0 without data.URL`, retryable: true })
  }
  if (authCodes.has(code)) throw new AuthError(options)
  throw new VendorError({ ...options, retryable: retryableCodes.has(code) })
}

/**
 * Asks Feishu where to open the long connection: `POST /callback/ws/endpoint` with the app's
 * credentials in the body (no token). Refusals are `AuthError` (403, 514: wrong app id or secret,
 * not retryable) or `VendorError` with Feishu's code, `retryable` for 1, 1000040343 and 1000040350
 * (more than 50 connections of one app).
 * @see README.md#long-connection
 */
export function fetchFeishuWsEndpoint(
  http: HttpClient,
  credentials: { appId: string; appSecret: string },
  options?: CallOptions,
): Promise<FeishuWsEndpoint> {
  return http.send({
    operation: 'longConnection.endpoint',
    path: feishuWsEndpointPath,
    auth: false,
    headers: { locale: 'zh' },
    body: { AppID: credentials.appId, AppSecret: credentials.appSecret },
    idempotent: true,
    read: readEndpoint,
    options,
  })
}
