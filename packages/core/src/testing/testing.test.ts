import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  applyCommonFault,
  createFaultQueue,
  dropConnection,
  htmlResponse,
  type ServedHandler,
  serve,
  toFetch,
} from './index.js'

describe('serve', () => {
  let served: ServedHandler
  beforeAll(async () => {
    served = await serve(
      async (request) => {
        if (request.url.endsWith('/drop')) return dropConnection()
        if (request.url.endsWith('/html')) return htmlResponse(502)
        if (request.url.endsWith('/throw')) throw new Error('handler bug')
        return Response.json({
          method: request.method,
          body: await request.text(),
          auth: request.headers.get('authorization'),
        })
      },
      { cors: true },
    )
  })
  afterAll(() => served.close())

  it('serves a fetch handler on 127.0.0.1 with a free port', async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await fetch(`${served.url}/x`, {
      method: 'POST',
      body: 'hello',
      headers: { authorization: 'Bearer a' },
    })
    expect(await response.json()).toEqual({ method: 'POST', body: 'hello', auth: 'Bearer a' })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers CORS preflight with 204 and echoes the requested headers', async () => {
    const response = await fetch(`${served.url}/x`, {
      method: 'OPTIONS',
      headers: { origin: 'http://page.test', 'access-control-request-headers': 'authorization,content-type' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://page.test')
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type')
  })

  it('drops the connection, serves HTML faults, and reports handler bugs as 500', async () => {
    await expect(fetch(`${served.url}/drop`)).rejects.toThrow(TypeError)
    const html = await fetch(`${served.url}/html`)
    expect(html.status).toBe(502)
    expect(await html.text()).toContain('<html>')
    const bug = await fetch(`${served.url}/throw`)
    expect(bug.status).toBe(500)
    expect(await bug.text()).toContain('handler bug')
  })
})

describe('fault helpers', () => {
  it('toFetch turns a dropped connection into the TypeError fetch raises', async () => {
    const fetchLike = toFetch(async () => dropConnection())
    const error = await fetchLike('http://fake.test/').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as { cause: { code: string } }).cause.code).toBe('ECONNRESET')
    await expect(
      toFetch(async () => new Response('ok'))('http://fake.test/').then((r) => r.text()),
    ).resolves.toBe('ok')
  })

  it('toFetch honours an abort signal', async () => {
    const controller = new AbortController()
    const fetchLike = toFetch(() => new Promise<Response>(() => {}))
    const pending = fetchLike('http://fake.test/', { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('a fault queue applies faults to matching requests, in order, the given number of times', () => {
    const queue = createFaultQueue<{ kind: string }>()
    queue.inject({ kind: 'a' }, { times: 2 })
    queue.inject({ kind: 'b' }, { match: (request) => request.url.endsWith('/only') })
    const any = new Request('http://fake.test/x')
    const only = new Request('http://fake.test/only')
    expect(queue.take(any)?.kind).toBe('a')
    expect(queue.take(only)?.kind).toBe('a')
    expect(queue.take(any)).toBeUndefined()
    expect(queue.take(only)?.kind).toBe('b')
    queue.inject({ kind: 'c' })
    queue.clear()
    expect(queue.take(any)).toBeUndefined()
  })

  it('applies the common faults', async () => {
    const answer = async () => new Response('fine')
    expect(await (await applyCommonFault({ kind: 'delay', ms: 5 }, answer))?.text()).toBe('fine')
    expect((await applyCommonFault({ kind: 'html', status: 503 }, answer))?.status).toBe(503)
    expect(await (await applyCommonFault({ kind: 'broken-body' }, answer))?.text()).toMatch(/^\{.*:$/)
    expect(await applyCommonFault({ kind: 'drop' }, answer)).toBeInstanceOf(Response)
    expect(await applyCommonFault({ kind: 'vendor-specific' }, answer)).toBeUndefined()
  })
})
