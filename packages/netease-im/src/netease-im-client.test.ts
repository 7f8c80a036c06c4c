import { ValidationError } from '@msg/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createNeteaseIm, createSignatureHeaders, type NeteaseImSettings, neteaseImBaseURL } from './index.js'
import { createNeteaseImFake } from './testing/index.js'

const text = { message: { message_type: 0 as const, text: 'hi' } }
const browserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'

describe('base URL selection', () => {
  it.each([
    [{}, 'https://open.yunxinapi.com'],
    [{ backup: true }, 'https://open-bak.yunxinapi.com'],
    [{ region: 'sg' as const }, 'https://open-sg.yunxinapi.com'],
    [{ region: 'sg' as const, backup: true }, 'https://open-sg-bak.yunxinapi.com'],
    [{ region: 'sg' as const, baseURL: 'https://nim.internal.example/' }, 'https://nim.internal.example'],
  ])('%j → %s', async (choice, base) => {
    const fake = createNeteaseImFake()
    const client = createNeteaseIm({
      appKey: 'test-app-key',
      appSecret: 'test-app-secret',
      fetch: fake.fetch,
      ...choice,
    })
    await client.conversation.sendMessage('a|1|b', text)
    expect(fake.requests.map((request) => request.url)).toEqual([
      `${base}/im/v2/conversations/a%7C1%7Cb/messages`,
    ])
  })

  it('exposes the host table as neteaseImBaseURL', () => {
    expect(neteaseImBaseURL()).toBe('https://open.yunxinapi.com')
    expect(neteaseImBaseURL('sg', true)).toBe('https://open-sg-bak.yunxinapi.com')
  })
})

describe('settings validation', () => {
  it.each([
    [{ appKey: 'k' }, '(input)', 'appSecret is required unless baseURL is a signing proxy'],
    [{ appSecret: 's' }, '(input)', 'appKey is required with appSecret'],
    [{ appKey: '', appSecret: 's' }, 'appKey', 'must not be empty'],
    [{ appKey: 'k', appSecret: 's', region: 'us' }, 'region', "must be 'cn' or 'sg'"],
    [{ appKey: 'k', appSecret: 's', textLimit: 0 }, 'textLimit', 'must be at least 1'],
    [{ appKey: 'k', appSecret: 's', baseURL: 'not a url' }, 'baseURL', 'must be a URL'],
  ])('rejects %j', (settings, path, message) => {
    const attempt = () => createNeteaseIm(settings as NeteaseImSettings)
    expect(attempt).toThrow(ValidationError)
    try {
      attempt()
    } catch (error) {
      expect((error as ValidationError).issues).toContainEqual({ path, message })
    }
  })
})

describe('browser guard', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('refuses appSecret in a browser runtime', () => {
    vi.stubGlobal('navigator', { userAgent: browserAgent })
    const attempt = () => createNeteaseIm({ appKey: 'k', appSecret: 'long-lived-secret' })
    expect(attempt).toThrow(ValidationError)
    expect(attempt).toThrow(/refusing `appSecret` in a browser/)
    expect(attempt).not.toThrow(/long-lived-secret/)
  })

  it('allows it with dangerouslyAllowBrowser: true', async () => {
    vi.stubGlobal('navigator', { userAgent: browserAgent })
    const fake = createNeteaseImFake()
    const client = createNeteaseIm({
      appKey: 'test-app-key',
      appSecret: 'test-app-secret',
      dangerouslyAllowBrowser: true,
      fetch: fake.fetch,
    })
    await client.conversation.sendMessage('a|1|b', text)
    expect(fake.inbox).toHaveLength(1)
  })

  it('sends unsigned requests to a signing proxy when created without appSecret', async () => {
    vi.stubGlobal('navigator', { userAgent: browserAgent })
    const fake = createNeteaseImFake()
    const seenByProxy: Headers[] = []
    // The proxy (server side in real life) adds the signature and forwards to NetEase.
    const proxy = async (request: Request) => {
      seenByProxy.push(request.headers)
      const signature = await createSignatureHeaders({ appKey: 'test-app-key', appSecret: 'test-app-secret' })
      const target = request.url.replace('https://proxy.example/netease', 'https://open.yunxinapi.com')
      const headers = new Headers(request.headers)
      for (const [name, value] of Object.entries(signature)) headers.set(name, value)
      return fake.handle(new Request(target, { method: request.method, headers, body: await request.text() }))
    }
    const client = createNeteaseIm({
      baseURL: 'https://proxy.example/netease',
      fetch: (input, init) => proxy(new Request(input, init)),
    })
    const sent = await client.sendText({ from: 'a', to: 'b', type: 'p2p' }, 'from a browser')
    expect(sent.messageId).toBe('9007199254740993')
    expect(seenByProxy[0]?.get('checksum')).toBeNull()
    expect(seenByProxy[0]?.get('appkey')).toBeNull()
    expect(seenByProxy[0]?.get('x-custom-traceid')).toMatch(/^[0-9a-f]{32}$/)
  })

  it('sends only AppKey when a proxy client is given one', async () => {
    const fake = createNeteaseImFake()
    const client = createNeteaseIm({
      baseURL: 'https://proxy.example',
      appKey: 'test-app-key',
      fetch: fake.fetch,
    })
    await expect(client.conversation.sendMessage('a|1|b', text)).rejects.toMatchObject({ code: 414 })
    expect(fake.requests[0]?.headers.appkey).toBe('test-app-key')
    expect(fake.requests[0]?.headers.checksum).toBeUndefined()
  })
})
