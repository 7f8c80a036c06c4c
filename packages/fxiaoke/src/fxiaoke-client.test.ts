import { ValidationError } from '@msg/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFxiaoke } from './fxiaoke-client.js'
import { type FxiaokeCloud, fxiaokeCloudHosts } from './fxiaoke-settings.js'
import { createFxiaokeFake } from './testing/index.js'

const credentials = {
  appId: 'FSAID_fake',
  appSecret: 'fake-app-secret',
  permanentCode: 'fake-permanent-code',
}
const text = { msgType: 'text', text: { content: 'hi' } } as const

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('createFxiaoke clouds', () => {
  it.each([
    [undefined, 'https://open.fxiaoke.com'],
    ['fxiaoke', 'https://open.fxiaoke.com'],
    ['huawei', 'https://open-hwcloud.fxiaoke.com'],
    ['ali', 'https://open-ale.fxiaoke.com'],
    ['hk', 'https://open-ksc.sharecrm.com'],
    ['frankfurt', 'https://open-hws.fxiaoke.com'],
    ['na', 'https://open-na.sharecrm.com'],
  ] as const)('cloud %s → %s', async (cloud, host) => {
    const fake = createFxiaokeFake()
    const client = createFxiaoke({
      ...credentials,
      userId: '1000',
      fetch: fake.fetch,
      ...(cloud ? { cloud } : {}),
    })
    await client.message.send({ toUser: ['1'], ...text })
    const urls = fake.requests.map((request) => request.url)
    expect(urls.map((url) => new URL(url).origin)).toEqual([host, host])
    expect(urls.map((url) => new URL(url).pathname)).toEqual(['/oauth2.0/token', '/cgi/message/send'])
    expect(fxiaokeCloudHosts[(cloud ?? 'fxiaoke') as FxiaokeCloud]).toBe(host)
  })

  it('baseURL wins over cloud (private deployments, proxies)', async () => {
    const fake = createFxiaokeFake()
    const client = createFxiaoke({
      ...credentials,
      userId: '1000',
      cloud: 'na',
      baseURL: 'https://crm.example.com/fx/',
      fetch: fake.fetch,
    })
    await client.message.send({ toUser: ['1'], ...text })
    expect(fake.requests[1]?.url).toMatch(
      /^https:\/\/crm\.example\.com\/fx\/cgi\/message\/send\?thirdTraceId=/,
    )
  })
})

describe('createFxiaoke settings', () => {
  it.each([
    [{ ...credentials, appSecret: '' }, 'appSecret', 'must not be empty'],
    [{ appId: 'a', appSecret: 'b' }, 'permanentCode', 'is required'],
    [{ ...credentials, permanentCode: 42 }, 'permanentCode', 'must be a string'],
    [{ ...credentials, cloud: 'mars' }, 'cloud', 'must be a known cloud'],
    [{ ...credentials, baseURL: 'not a url' }, 'baseURL', 'must be a URL'],
    [{ ...credentials, authMode: 'v3' }, 'authMode', "must be 'v2' or 'legacy'"],
    [{ ...credentials, tokenMarginMs: -1 }, 'tokenMarginMs', 'must not be negative'],
    [{ accessToken: 't', ea: '' }, 'ea', 'must not be empty'],
    [{ ...credentials, userId: '' }, 'userId', 'must not be empty'],
    [{ accessToken: 't' }, 'ea', 'is required'],
  ])('rejects bad settings (%#)', (settings, path, message) => {
    let caught: unknown
    try {
      createFxiaoke(settings as never)
    } catch (error) {
      caught = error
    }
    expect(ValidationError.isInstance(caught)).toBe(true)
    expect((caught as ValidationError).issues).toContainEqual({ path, message })
    expect(String((caught as Error).message)).not.toContain('fake-app-secret')
  })

  it('refuses appSecret in a browser unless dangerouslyAllowBrowser', () => {
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130' })
    expect(() => createFxiaoke(credentials)).toThrow(/refusing `appSecret` in a browser/)
    expect(() => createFxiaoke({ ...credentials, dangerouslyAllowBrowser: true })).not.toThrow()
    expect(() => createFxiaoke({ accessToken: 'pre-issued', ea: 'fake-ea' })).not.toThrow()
    expect(() =>
      createFxiaoke({ accessToken: 'pre-issued', ea: 'fake-ea', appSecret: 'x' } as never),
    ).toThrow(/refusing `appSecret` in a browser/)
  })

  it('never shows the token, appSecret or permanentCode to hooks or in errors', async () => {
    const fake = createFxiaokeFake()
    const seen: string[] = []
    const client = createFxiaoke({
      ...credentials,
      userId: '1000',
      fetch: fake.fetch,
      hooks: {
        request: (event) => seen.push(JSON.stringify(event)),
        response: (event) => seen.push(JSON.stringify(event)),
        error: (event) => seen.push(`${event.error.message} ${JSON.stringify(event.error)}`),
      },
    })
    await client.message.send({ toUser: ['1'], ...text })
    fake.inject({ kind: 'code', code: 30027 })
    await client.message.send({ toUser: ['1'], ...text }).catch(() => undefined)
    const token = fake.requests[1]?.headers.authorization?.slice('Bearer '.length) ?? ''
    expect(token).toMatch(/^fake-token-/)
    const everything = seen.join('\n')
    expect(seen.length).toBeGreaterThan(4)
    for (const secret of [token, 'fake-app-secret', 'fake-permanent-code']) {
      expect(everything).not.toContain(secret)
    }
  })
})
