import { droppedAt } from '@msg/core/testing'
import { type HttpHandler, HttpResponse, http } from 'msw'

/**
 * msw handlers that pass every request below `baseURL` to a fake's fetch handler; a dropped
 * connection becomes a network error.
 * @see https://mswjs.io/docs/api/http
 */
export function feishuMswHandlers(
  fake: { handle(request: Request): Promise<Response> },
  baseURL: string,
): HttpHandler[] {
  return [
    http.all(`${baseURL.replace(/\/+$/, '')}/*`, async ({ request }) => {
      const response = await fake.handle(request)
      return droppedAt(response) ? HttpResponse.error() : response
    }),
  ]
}
