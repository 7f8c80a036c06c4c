import type { CallOptions, SentMessage, TransportSettings } from '@msg/core'

/** The four vendors the suites cover. */
export type VendorName = 'feishu' | 'gewe' | 'fxiaoke' | 'netease-im'

/** What every vendor fake has in common (see each package's `./testing`). */
export interface AnyFake {
  handle(request: Request): Promise<Response>
  inbox: unknown[]
  requests: Array<{ path: string; headers: Record<string, string>; body: unknown }>
  inject(fault: { kind: string }, options?: { times?: number; match?: (request: Request) => boolean }): void
}

/** A client reduced to what the suites call. */
export interface AnySender {
  sendText(text: string, options?: CallOptions): Promise<SentMessage>
}

/** One vendor, as the fault matrix, the load test and the redaction audit drive it. */
export interface VendorKit {
  vendor: VendorName
  /** A fresh fake that accepts the kit's credentials. */
  createFake(): AnyFake
  /** A client with the kit's credentials, pointed at `baseURL` (the served fake). */
  createSender(baseURL: string, transport: TransportSettings): AnySender
  /** The path of the message request, for counting sends at the fake. */
  isSendPath(path: string): boolean
  /** Whether a request goes to the token endpoint (faults marked `on: 'token'` hit only these). */
  isTokenRequest(request: Request): boolean
  /** Secret values configured on the client. */
  configuredSecrets: string[]
  /** Secret values that travelled on the wire (tokens, checksums), read from the fake's request log. */
  wireSecrets(fake: AnyFake): string[]
}

const secretHeaders = ['authorization', 'x-gewe-token', 'checksum']
const secretBodyFields = [
  'app_secret',
  'appSecret',
  'permanentCode',
  'corpAccessToken',
  'tenant_access_token',
]

/** Secret values seen in a fake's request log: auth headers (without `Bearer `) and secret body fields. */
export function secretsOnTheWire(fake: AnyFake): string[] {
  const found = new Set<string>()
  for (const request of fake.requests) {
    for (const name of secretHeaders) {
      const value = request.headers[name]?.replace(/^Bearer\s+/i, '')
      if (value && value.length >= 8) found.add(value)
    }
    const body = (request.body ?? {}) as Record<string, unknown>
    for (const field of secretBodyFields) {
      const value = body[field]
      if (typeof value === 'string' && value.length >= 8) found.add(value)
    }
  }
  return [...found]
}
