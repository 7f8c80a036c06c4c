import { ValidationError } from '@msg/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createGewe, defaultBaseURL } from './index.js'
import { createGeweFake } from './testing/index.js'

const token = 'tok-0123456789abcdef'
const body = { appId: 'a', toWxid: 'wxid_b', content: 'hi' }

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('createGewe', () => {
  it('defaults to http://api.geweapi.com/gewe/v2/api', async () => {
    expect(defaultBaseURL).toBe('http://api.geweapi.com/gewe/v2/api')
    const fake = createGeweFake({ token })
    await createGewe({ token, fetch: fake.fetch, pacing: false }).message.postText(body)
    expect(fake.requests.map((request) => request.url)).toEqual([
      'http://api.geweapi.com/gewe/v2/api/message/postText',
    ])
  })

  it.each([
    ['http://10.0.0.5:2531/v2/api', 'http://10.0.0.5:2531/v2/api/message/postText'],
    ['https://www.geweapi.com/gewe/v2/api/', 'https://www.geweapi.com/gewe/v2/api/message/postText'],
  ])('baseURL %s replaces the whole prefix', async (baseURL, expected) => {
    const fake = createGeweFake({ token })
    await createGewe({ token, fetch: fake.fetch, baseURL, pacing: false }).message.postText(body)
    expect(fake.requests.map((request) => request.url)).toEqual([expected])
  })

  it('sends X-GEWE-TOKEN on every call, asking an async provider each time', async () => {
    const fake = createGeweFake({ token })
    const provider = vi.fn(async () => token)
    const client = createGewe({ token: provider, fetch: fake.fetch, pacing: false })
    await client.message.postText(body)
    await client.message.postText(body)
    expect(provider).toHaveBeenCalledTimes(2)
    expect(fake.requests.map((request) => request.headers['x-gewe-token'])).toEqual([token, token])
  })

  it('keeps extra headers from settings and call options', async () => {
    const fake = createGeweFake({ token })
    const client = createGewe({ token, fetch: fake.fetch, pacing: false, headers: { 'x-app': 'one' } })
    await client.message.postText(body, { headers: { 'x-call': 'two' } })
    expect(fake.requests[0]?.headers).toMatchObject({
      'x-app': 'one',
      'x-call': 'two',
      'x-gewe-token': token,
    })
  })

  it.each([
    [{ token: '' }, 'token'],
    [{ token: 'x', pacing: { gapMs: -1 } }, 'pacing.gapMs'],
    [{ token: 'x', maxContentLength: 0 }, 'maxContentLength'],
    [{ token: 'x', baseURL: 'not a url' }, 'baseURL'],
    [{ token: 'x', noticeThumbUrl: 'logo.png' }, 'noticeThumbUrl'],
    [{ token: 'x', noticeThumbUrl: 'file:///logo.png' }, 'noticeThumbUrl'],
  ])('refuses bad settings %j', (settings, path) => {
    const failure = (() => {
      try {
        createGewe(settings as never)
      } catch (error) {
        return error as ValidationError
      }
    })()
    expect(ValidationError.isInstance(failure)).toBe(true)
    expect(failure?.issues.map((issue) => issue.path)).toContain(path)
  })

  it('refuses the long-lived token in a browser unless dangerouslyAllowBrowser', () => {
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140' })
    expect(() => createGewe({ token })).toThrow(/refusing `token` in a browser/)
    expect(() => createGewe({ token, dangerouslyAllowBrowser: true })).not.toThrow()
  })

  it('ignores idempotencyKey: GeWe de-duplicates nothing, so a 500 is never resent', async () => {
    const fake = createGeweFake({ token })
    fake.inject({ kind: 'html', status: 503 }, { times: 3 })
    const client = createGewe({ token, fetch: fake.fetch, pacing: false, retry: 5 })
    const failure = await client.message.postText(body, { idempotencyKey: 'k-1' }).catch((e) => e)
    expect(failure.delivery).toBe('unknown')
    expect(fake.requests).toHaveLength(1)
    expect(JSON.stringify(fake.requests[0]?.body)).not.toContain('k-1')
  })

  it('retries a connection refused before sending (provably not delivered)', async () => {
    const fake = createGeweFake({ token })
    let calls = 0
    const fetch: typeof globalThis.fetch = async (input, init) => {
      calls++
      if (calls === 1)
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
        })
      return fake.fetch(input, init)
    }
    const client = createGewe({ token, fetch, pacing: false, retry: { limit: 2, backoffLimit: 1 } })
    await expect(client.message.postText(body)).resolves.toMatchObject({ toWxid: 'wxid_b' })
    expect(calls).toBe(2)
    expect(fake.inbox).toHaveLength(1)
  })
})
