import type { CachedToken, HttpClient } from '@msg/core'

/**
 * What an endpoint function needs from the client: the transport, the auth convention, the acting
 * employee and a way to run an attempt with a valid token (refreshed once when rejected).
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export interface FxiaokeContext {
  http: HttpClient
  legacy: boolean
  userId: string | undefined
  withToken<Result>(attempt: (token: CachedToken) => Promise<Result>): Promise<Result>
}
