// createHttpClient against a real loopback server: what a request carries on the wire.
import { describe, expect, it } from 'vitest'
import { answer, client, json, ok, seen, send, serveLoopback } from '../../test/http-client-loopback.js'

serveLoopback()

describe('createHttpClient against a real loopback server', () => {
  it('sends the body, headers and user agent, and returns the data', async () => {
    await expect(send(client())).resolves.toEqual({ message_id: 'om_1' })
    expect(seen).toHaveLength(1)
    const [{ request, body }] = seen as [(typeof seen)[0]]
    expect(new URL(request.url).pathname).toBe('/open-apis/message/v4/send/')
    expect(request.method).toBe('POST')
    expect(request.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(request.headers.get('authorization')).toBe('Bearer super-secret-token')
    expect(request.headers.get('user-agent')).toBe('msg-feishu/9.9.9')
    expect(JSON.parse(body)).toEqual({ chat_id: 'oc_1', msg_type: 'text', content: { text: 'hi' } })
  })

  it('computes query and credentials afresh for every attempt', async () => {
    answer(() => json({ code: 429001 }, { status: 429 }), ok)
    let counter = 0
    let signed = 0
    await send(client(), {
      query: () => ({ thirdTraceId: `trace-${++counter}` }),
      auth: { credentials: () => ({ headers: { 'x-attempt': String(signed++) } }) },
    })
    expect(seen.map((entry) => new URL(entry.request.url).searchParams.get('thirdTraceId'))).toEqual([
      'trace-1',
      'trace-2',
    ])
    expect(seen.map((entry) => entry.request.headers.get('x-attempt'))).toEqual(['0', '1'])
  })
})
