import type { CallOptions, KnownVendor, SentMessage, TransportSettings } from '@msg/core'
import type { VendorFake } from '@msg/core/testing'

/** The four vendors the suites cover. */
export type VendorName = KnownVendor

/** A client reduced to what the suites call. */
export interface AnySender {
  sendText(text: string, options?: CallOptions): Promise<SentMessage>
}

/** One vendor, as the fault matrix, the load test and the redaction audit drive it. */
export interface VendorKit {
  vendor: VendorName
  /** A fresh fake that accepts the vendor's sample credentials (its sandbox descriptor's). */
  createFake(): VendorFake<unknown, unknown>
  /** A client with the sample credentials, pointed at `baseURL` (the served fake). */
  createSender(baseURL: string, transport: TransportSettings): AnySender
  /** The path of the message request, for counting sends at the fake. */
  isSendPath(path: string): boolean
  /** Whether a request goes to the token endpoint (faults marked `on: 'token'` hit only these). */
  isTokenRequest(request: Request): boolean
  /** Secret values configured on the client. */
  configuredSecrets: string[]
  /** Secret values that travelled on the wire (tokens, checksums), read from the fake's request log. */
  wireSecrets(fake: VendorFake<unknown, unknown>): string[]
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
export function secretsOnTheWire(fake: VendorFake<unknown, unknown>): string[] {
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
