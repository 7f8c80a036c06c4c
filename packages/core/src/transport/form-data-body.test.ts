import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anyData } from '../../test/test-envelope.js'
import { createHttpClient, MsgError } from '../index.js'
import { serve } from '../testing/index.js'
import type { ServedHandler } from '../testing/serve.js'
import type { TransportSettings } from './transport-settings.js'

let server: ServedHandler
let seen: { url: URL; contentType: string | null; form: FormData }[] = []
let answers: number[] = []

beforeAll(async () => {
  server = await serve(async (request) => {
    seen.push({
      url: new URL(request.url),
      contentType: request.headers.get('content-type'),
      form: await request.formData(),
    })
    const code = answers.shift() ?? 0
    return Response.json({ code }, { status: code === 429001 ? 429 : 200 })
  })
})
afterAll(() => server.close())
afterEach(() => {
  seen = []
  answers = []
})

const client = (settings: TransportSettings = {}) =>
  createHttpClient({
    vendor: 'fxiaoke',
    version: '9.9.9',
    defaultBaseURL: 'http://unused.invalid',
    settings: { baseURL: server.url, retry: { limit: 2, backoffLimit: 1 }, ...settings },
  })

const form = () => {
  const body = new FormData()
  body.append('media', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), 'a.png')
  return body
}

describe('a FormData body', () => {
  it('goes to fetch untouched: the runtime sets the multipart type, hooks see the files described', async () => {
    const requests: unknown[] = []
    await client({ hooks: { request: (event) => requests.push(event.body) } }).send({
      operation: 'media.upload',
      path: '/upload',
      body: form(),
      read: anyData,
    })
    const [{ contentType, form: received }] = seen as [(typeof seen)[0]]
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/)
    const file = received.get('media') as File
    expect(file.name).toBe('a.png')
    expect(file.type).toBe('image/png')
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([1, 2, 3])
    expect(requests).toEqual([{ media: { fileName: 'a.png', type: 'image/png', size: 3 } }])
  })

  it('is sent again whole on a retry that cannot duplicate (a 429)', async () => {
    answers = [429001]
    await client().send({ operation: 'media.upload', path: '/upload', body: form(), read: anyData })
    expect(seen).toHaveLength(2)
    expect(((seen[1]?.form.get('media') as File) ?? { size: 0 }).size).toBe(3)
  })

  it('credentials go in the query after the request own parameters; body fields are refused unsent', async () => {
    await client().send({
      operation: 'media.upload',
      path: '/upload',
      query: () => ({ thirdTraceId: 't-1' }),
      auth: { credentials: () => ({ query: { corpAccessToken: 'tok', corpId: 'corp' }, token: 'tok' }) },
      body: form(),
      read: anyData,
    })
    expect(seen[0]?.url.search).toBe('?thirdTraceId=t-1&corpAccessToken=tok&corpId=corp')

    const refused = await client()
      .send({
        operation: 'media.upload',
        path: '/upload',
        auth: { credentials: () => ({ body: { corpAccessToken: 'tok' } }) },
        body: form(),
        read: anyData,
      })
      .catch((error: unknown) => error)
    expect(MsgError.isInstance(refused) && refused.delivery).toBe('not-sent')
    expect(seen).toHaveLength(1)
  })
})
