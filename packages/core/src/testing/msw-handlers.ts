import { type HttpHandler, HttpResponse, http } from 'msw'
import { droppedAt, type FetchHandler } from './faults.js'

/**
 * msw handlers that pass every request below `baseURL` to a fake's fetch handler. A dropped connection
 * becomes a network error, as a real reset is for `fetch`.
 * @see https://mswjs.io/docs/api/http
 */
export function mswHandlersFor(handle: FetchHandler, baseURL: string): HttpHandler[] {
  return [
    http.all(`${baseURL.replace(/\/+$/, '')}/*`, async ({ request }) => {
      const response = await handle(request)
      return droppedAt(response) ? HttpResponse.error() : response
    }),
  ]
}
