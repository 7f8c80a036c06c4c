import type { FetchHandler } from '@msg/core/testing'

/**
 * One fetch handler for several fakes: `/<prefix>/rest…` goes to the fake of that prefix with the
 * prefix removed, so each vendor's base URL is `http://127.0.0.1:<port>/<prefix>`. `GET /_sandbox`
 * answers `report()` as JSON.
 */
export function createVendorRouter(
  routes: Readonly<Record<string, FetchHandler>>,
  report: () => unknown,
): FetchHandler {
  return async (request) => {
    const url = new URL(request.url)
    if (url.pathname === '/_sandbox') return Response.json(report())
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
