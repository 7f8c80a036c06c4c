import type { HttpClient, RequestAuth } from '@msg/core'

/**
 * What an endpoint function needs from the client: the transport (which adds the credentials to every
 * attempt), the auth convention and the acting employee.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export interface FxiaokeContext {
  http: HttpClient
  legacy: boolean
  userId: string | undefined
  /** The client's credentials; a multipart upload in legacy mode moves them to the query. */
  auth: RequestAuth
}
