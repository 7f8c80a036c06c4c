import type { FetchHandler } from '@msg/core/testing'

/**
 * Makes a fake push a user's text to a webhook: `POST /_sandbox/say` with
 * `{ "vendor", "text", "webhook" }`; answers `{ status }`, the status the webhook answered.
 */
export type SayHandler = (vendor: string, text: string, webhook: string) => Promise<Response>

/**
 * One fetch handler for several fakes: `/<prefix>/rest…` goes to the fake of that prefix with the
 * prefix removed, so each vendor's base URL is `http://127.0.0.1:<port>/<prefix>`. `GET /_sandbox`
 * answers `report()` as JSON; `POST /_sandbox/say` goes to `say`.
 */
export function createVendorRouter(
  routes: Readonly<Record<string, FetchHandler>>,
  report: () => unknown,
  say?: SayHandler,
): FetchHandler {
  return async (request) => {
    const url = new URL(request.url)
    if (url.pathname === '/_sandbox') return Response.json(report())
    if (url.pathname === '/_sandbox/say' && say && request.method === 'POST') {
      const body = (await request.json().catch(() => undefined)) as Record<string, unknown> | undefined
      const { vendor, text, webhook } = body ?? {}
      if (typeof vendor !== 'string' || typeof text !== 'string' || typeof webhook !== 'string')
        return Response.json({ error: 'expected { vendor, text, webhook } strings' }, { status: 400 })
      return say(vendor, text, webhook)
    }
    const [, prefix = '', ...rest] = url.pathname.split('/')
    const handler = Object.hasOwn(routes, prefix) ? routes[prefix] : undefined
    if (!handler)
      return Response.json(
        {
          error: `no fake vendor at /${prefix}; try ${Object.keys(routes)
            .map((name) => `/${name}`)
            .join(', ')}`,
        },
        { status: 404 },
      )
    url.pathname = `/${rest.join('/')}`
    const body =
      request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer()
    return handler(
      new Request(url, { method: request.method, headers: request.headers, ...(body ? { body } : {}) }),
    )
  }
}
