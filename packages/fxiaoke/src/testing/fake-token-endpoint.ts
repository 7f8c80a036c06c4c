import { randomUuid } from '@msg/core'
import { delay } from '@msg/core/testing'

/**
 * The code the fake answers while another token call is in flight, or past the per-minute limit (the docs name none).
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/guide/codes.html
 */
export const tokenLimitCode = 14001

/**
 * What a fake token endpoint answers: an `errorCode` and the fields of the reply.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export interface FakeTokenAnswer {
  errorCode: number
  fields?: Record<string, unknown>
  errorMessage?: string
}

/**
 * The credentials and limits of a fake token endpoint.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export interface FakeTokenEndpointOptions {
  appId: string
  appSecret: string
  permanentCode: string
  ea: string
  tokenLatencyMs?: number | undefined
  tokenCallsPerMinute?: number | undefined
}

/**
 * The fake's token issuer, as the docs describe the real one: one call at a time, 10 a minute,
 * the same token during its first 6600 s and a new one after, valid 7200 s.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export function createFakeTokenEndpoint(options: FakeTokenEndpointOptions) {
  let tokens = new Map<string, number>()
  let current: string | undefined
  let callTimes: number[] = []
  let inFlight = false
  const stats = { calls: 0, concurrentRejections: 0 }

  return {
    stats,
    /** True when `token` was issued, not revoked, and is younger than 7200 s. */
    valid(token: unknown): boolean {
      const issuedAt = typeof token === 'string' ? tokens.get(token) : undefined
      return issuedAt !== undefined && Date.now() - issuedAt < 7_200_000
    },
    /** Revokes every token. */
    expire(): void {
      tokens = new Map()
      current = undefined
    },
    reset(): void {
      this.expire()
      callTimes = []
      stats.calls = 0
      stats.concurrentRejections = 0
    },
    async issue(body: Record<string, unknown>, legacy: boolean): Promise<FakeTokenAnswer> {
      stats.calls++
      const now = Date.now()
      callTimes = callTimes.filter((time) => now - time < 60_000)
      if (inFlight) {
        stats.concurrentRejections++
        return { errorCode: tokenLimitCode, errorMessage: 'concurrent token calls are not allowed' }
      }
      if (callTimes.length >= (options.tokenCallsPerMinute ?? 10)) return { errorCode: tokenLimitCode }
      callTimes.push(now)
      inFlight = true
      try {
        await delay(options.tokenLatencyMs ?? 5)
      } finally {
        inFlight = false
      }
      if (body.appId !== options.appId || body.appSecret !== options.appSecret) return { errorCode: 20006 }
      if (body.permanentCode !== options.permanentCode) return { errorCode: 20015 }
      if (!legacy && body.grantType !== 'app_secret') return { errorCode: 15002 }
      const issuedAt = current === undefined ? undefined : tokens.get(current)
      if (current === undefined || issuedAt === undefined || Date.now() - issuedAt >= 6_600_000) {
        current = `fake-token-${randomUuid()}`
        tokens.set(current, Date.now())
      }
      const expiresIn = Math.floor((7_200_000 - (Date.now() - (tokens.get(current) ?? 0))) / 1000)
      const { appId, ea } = options
      return {
        errorCode: 0,
        fields: legacy
          ? { corpAccessToken: current, corpId: ea, expiresIn }
          : { openUserId: 'FSCID_fake', accessToken: current, expiresIn, appId, ea },
      }
    },
  }
}
