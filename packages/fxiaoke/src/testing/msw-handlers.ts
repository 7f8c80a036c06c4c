import { type HttpHandler, http } from 'msw'

/**
 * msw handlers that answer every request below `baseURL` with a fake's fetch handler.
 * @see https://mswjs.io/docs/api/http
 */
export function createFxiaokeMswHandlers(
  handle: (request: Request) => Promise<Response>,
  baseURL = 'https://open.fxiaoke.com',
): HttpHandler[] {
  return [http.all(`${baseURL.replace(/\/+$/, '')}/*`, ({ request }) => handle(request))]
}
