import { dropConnection, htmlResponse } from '@msg/core/testing'

/** The faults of the load test: none of them lets the vendor process the message. */
const faults = [
  () => new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '0' } }),
  () => htmlResponse(503, '503 Service Unavailable'),
  () => dropConnection('before-response'),
  () => new Response('{"code":0,"data":{', { headers: { 'content-type': 'application/json' } }),
]

/**
 * Wraps a fake so that every twentieth message request (5 %) gets one of four faults in turn:
 * 429 + Retry-After, an HTML 503, a connection reset, truncated JSON. Token requests pass untouched.
 */
export function withFivePercentFaults(
  handle: (request: Request) => Promise<Response>,
  isSendPath: (path: string) => boolean,
) {
  const counts = { sends: 0, faults: 0 }
  const handler = async (request: Request): Promise<Response> => {
    if (!isSendPath(new URL(request.url).pathname)) return handle(request)
    counts.sends++
    if (counts.sends % 20 !== 7) return handle(request)
    const fault = faults[counts.faults++ % faults.length]
    return fault ? fault() : handle(request)
  }
  return { handler, counts }
}
