import { type HttpHandler, http } from 'msw'
import type { GeweFake } from './gewe-fake.js'

/**
 * msw handlers that answer every request below `baseURL` with the fake.
 * @see https://mswjs.io/docs/api/http
 */
export function geweMswHandlers(fake: Pick<GeweFake, 'handle'>, baseURL: string): HttpHandler[] {
  return [http.all(`${baseURL.replace(/\/+$/, '')}/*`, ({ request }) => fake.handle(request))]
}
