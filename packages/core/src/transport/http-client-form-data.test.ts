// createHttpClient with a FormData body over a real loopback server: written by the runtime, resent
// only when a retry is safe.
import { describe, expect, it } from 'vitest'
import { answer, client, json, ok, seen, send, serveLoopback } from '../../test/http-client-loopback.js'
import { htmlResponse } from '../testing/index.js'

serveLoopback()

describe('createHttpClient with a FormData body', () => {
  const form = () => {
    const body = new FormData()
    body.append('image_type', 'message')
    body.append('image', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), '图片.png')
    return body
  }

  it('passes it to fetch untouched: the runtime writes the multipart body and its boundary', async () => {
    const requests: unknown[] = []
    const data = await send(client({ hooks: { request: (event) => requests.push(event.body) } }), {
      body: form(),
    })
    expect(data).toEqual({ message_id: 'om_1' })
    const [{ request, body }] = seen as [(typeof seen)[0]]
    expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=\S+$/)
    const boundary = request.headers.get('content-type')?.split('boundary=')[1]
    expect(body.startsWith(`--${boundary}\r\n`)).toBe(true)
    expect(body).toContain('name="image"; filename="图片.png"')
    const parsed = await new Request('http://x', {
      method: 'POST',
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      body,
    }).formData()
    expect(parsed.get('image_type')).toBe('message')
    expect(await (parsed.get('image') as Blob).arrayBuffer()).toEqual(new Uint8Array([1, 2, 3]).buffer)
    expect(requests).toEqual([
      { image_type: 'message', image: { fileName: '图片.png', type: 'image/png', size: 3 } },
    ])
  })

  it('is not resent after a 500 unless the request is idempotent', async () => {
    answer(() => htmlResponse(500), ok)
    const error = await send(client(), { body: form() }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 500, delivery: 'unknown' })
    expect(seen).toHaveLength(1)
  })

  it('is sent whole again when a retry is safe (a rate limit)', async () => {
    answer(() => json({ code: 429001 }, { status: 429, headers: { 'retry-after': '0' } }), ok)
    await send(client(), { body: form() })
    expect(seen).toHaveLength(2)
    expect(seen[1]?.body.replace(/-{2,}\S+/g, '')).toBe(seen[0]?.body.replace(/-{2,}\S+/g, ''))
  })

  it('refuses credentials that would add body fields, sending nothing', async () => {
    const error = await send(client(), {
      body: form(),
      auth: { credentials: () => ({ body: { access_token: 'x' } }) },
    }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ delivery: 'not-sent' })
    expect(seen).toHaveLength(0)
  })
})
