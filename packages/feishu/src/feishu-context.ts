import type { HttpClient } from '@msg/core'

/** What endpoint functions receive from the client: the transport, whose `auth` adds the tenant access token. */
export interface FeishuContext {
  http: HttpClient
}
