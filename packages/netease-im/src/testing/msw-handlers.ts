import type { FetchHandler } from '@msg/core/testing'
import { type HttpHandler, http } from 'msw'

/**
 * msw handlers that answer every request below `baseURL` with a fake's fetch handler.
 * @see https://mswjs.io/docs/api/http
 */
export function neteaseImMswHandlers(
  handle: FetchHandler,
  baseURL = 'https://open.yunxinapi.com',
): HttpHandler[] {
  return [http.all(`${baseURL.replace(/\/+$/, '')}/*`, ({ request }) => handle(request))]
}
