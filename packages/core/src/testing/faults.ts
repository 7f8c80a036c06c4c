const dropKey = Symbol.for('@msg/core/testing/drop')

/** When a dropped connection is cut: before any response byte, or after part of the body. */
export type DropPoint = 'before-response' | 'mid-response'

/** A fetch handler: what every fake vendor is. */
export type FetchHandler = (request: Request) => Promise<Response>

/**
 * A response that tells `serve` to cut the connection instead of answering. Through
 * {@link toFetch} it becomes the `TypeError` a runtime's fetch raises for a reset.
 */
export function dropConnection(point: DropPoint = 'before-response'): Response {
  const response = new Response(null, { status: 599 })
  Object.defineProperty(response, dropKey, { value: point })
  return response
}

/** Where to cut the connection, if this response came from {@link dropConnection}. */
export function droppedAt(response: Response): DropPoint | undefined {
  return (response as unknown as Record<symbol, DropPoint | undefined>)[dropKey]
}

/** A gateway-style HTML error page with the given status. */
export function htmlResponse(status: number, title = `${status} Bad Gateway`): Response {
  return new Response(`<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`, {
    status,
    headers: { 'content-type': 'text/html' },
  })
}

/**
 * Wraps a fetch handler as a `fetch` function for in-process tests: a dropped connection rejects
 * like a real reset would (`TypeError: fetch failed`, cause `ECONNRESET`), and the request's
 * signal is honoured.
 */
export function toFetch(handler: FetchHandler): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const response = await Promise.race([
      handler(request),
      new Promise<never>((_, reject) => {
        if (request.signal.aborted) reject(request.signal.reason)
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true })
      }),
    ])
    if (droppedAt(response)) {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      })
    }
    return response
  }
}
