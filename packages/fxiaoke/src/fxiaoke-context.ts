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
  /** The credentials of a multipart upload when they differ from the client's (legacy: in the query). */
  formAuth?: RequestAuth
}
