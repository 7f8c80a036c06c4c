import type { RequestAuth } from '@msg/core'
import type { GeweTokenProvider } from './gewe-settings.js'

/**
 * The credentials of every GeWe request: the `X-GEWE-TOKEN` header, read afresh before each attempt
 * when `token` is a function. The value is handed to the transport as the attempt's token, so it is
 * redacted wherever it appears. There is nothing to refresh: GeWe tokens are minted in the console.
 * @see https://doc.geweapi.com/
 */
export function createGeweAuth(token: string | GeweTokenProvider): RequestAuth {
  return {
    credentials: async () => {
      const value = typeof token === 'string' ? token : await token()
      return { headers: { 'X-GEWE-TOKEN': value }, token: value }
    },
  }
}
