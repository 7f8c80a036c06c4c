/**
 * The four vendor packages as the integration checks use them: where each lives, how to make its
 * fake, a client that sends through the fake with a pre-issued token where the vendor has one,
 * and the calls that must fail. Runtime-neutral: used by Node, Bun, Deno and Chromium alike.
 * Every function receives the imported modules, so this file imports no vendor package itself.
 */

/**
 * @typedef {object} VendorEntry
 * @property {'feishu' | 'gewe' | 'fxiaoke' | 'netease-im'} id
 * @property {string} packageName
 * @property {string} directory folder below `packages/`
 * @property {(testing: any) => any} createFake the fake, accepting the credentials below
 * @property {((fake: any) => Promise<Record<string, string>>) | undefined} issueCredentials
 *   server side, next to the fake: what a backend hands a browser (e.g. a tenant token it fetched)
 * @property {((fake: any, main: any) => (request: Request) => Promise<Response>) | undefined} createProxy
 *   server side: a proxy of the user's own that adds the vendor signature, served beside the fake
 * @property {(main: any, baseURL: string, credentials: any) => any} createClient a client using a pre-issued token
 *   (or the server-side signature where the vendor has no token)
 * @property {((main: any, baseURL: string, credentials: any) => any) | undefined} createBrowserClient
 *   how a browser sends when that differs from `createClient` (e.g. through the proxy)
 * @property {unknown} target what `sendText` sends to
 * @property {(main: any, baseURL: string) => any} createRejectedClient a client whose credentials the fake refuses
 * @property {((main: any, baseURL: string, allow: boolean) => any) | undefined} createWithSecret a client with an app secret
 * @property {string | undefined} secretSetting the setting the browser guard names
 */

const feishuApp = { appId: 'cli_smoke_app', appSecret: 'smoke-feishu-secret' }
const neteaseApp = { appKey: 'smoke-app-key', appSecret: 'smoke-netease-secret' }

const fxiaokeApp = {
  appId: 'FSAID_smoke',
  appSecret: 'smoke-fxiaoke-secret',
  permanentCode: 'smoke-permanent-code',
  ea: 'smoke-ea',
}

/** @type {VendorEntry[]} */
export const vendors = [
  {
    id: 'gewe',
    packageName: '@msg/gewe',
    directory: 'gewe',
    createFake: (testing) => testing.createGeweFake({ token: 'smoke-gewe-token' }),
    // GeWe has only its long-lived console token: a browser must opt in (or call through a proxy).
    createClient: (main, baseURL) =>
      main.createGewe({
        token: 'smoke-gewe-token',
        baseURL: `${baseURL}/gewe/v2/api`,
        pacing: false,
        retry: 0,
        dangerouslyAllowBrowser: true,
      }),
    target: { appId: 'wx_smoke_app', toWxid: 'wxid_smoke_friend' },
    createRejectedClient: (main, baseURL) =>
      main.createGewe({
        token: 'revoked-token',
        baseURL: `${baseURL}/gewe/v2/api`,
        pacing: false,
        retry: 0,
        dangerouslyAllowBrowser: true,
      }),
    createWithSecret: (main, baseURL, allow) =>
      main.createGewe({ token: 'smoke-gewe-token', baseURL, dangerouslyAllowBrowser: allow }),
    secretSetting: 'token',
  },
  {
    id: 'fxiaoke',
    packageName: '@msg/fxiaoke',
    directory: 'fxiaoke',
    createFake: (testing) => testing.createFxiaokeFake(fxiaokeApp),
    issueCredentials: async (fake) => {
      const response = await fake.handle(
        new Request(`http://127.0.0.1/oauth2.0/token?thirdTraceId=${crypto.randomUUID()}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...fxiaokeApp, grantType: 'app_secret', ea: undefined }),
        }),
      )
      const reply = await response.json()
      if (reply.errorCode !== 0) throw new Error(`the fxiaoke fake issued no token: ${JSON.stringify(reply)}`)
      return { accessToken: reply.accessToken, ea: reply.ea }
    },
    createClient: (main, baseURL, credentials) =>
      main.createFxiaoke({ ...credentials, userId: 'FSUID_smoke_sender', baseURL, retry: 0 }),
    target: { toUser: ['FSUID_smoke_friend'] },
    createRejectedClient: (main, baseURL) =>
      main.createFxiaoke({
        accessToken: 'revoked-token',
        ea: fxiaokeApp.ea,
        userId: 'FSUID_smoke_sender',
        baseURL,
        retry: 0,
      }),
    createWithSecret: (main, baseURL, allow) =>
      main.createFxiaoke({
        appId: fxiaokeApp.appId,
        appSecret: fxiaokeApp.appSecret,
        permanentCode: fxiaokeApp.permanentCode,
        userId: 'FSUID_smoke_sender',
        baseURL,
        dangerouslyAllowBrowser: allow,
      }),
    secretSetting: 'appSecret',
  },
  {
    id: 'feishu',
    packageName: '@msg/feishu',
    directory: 'feishu',
    createFake: (testing) => testing.createFeishuFake(feishuApp),
    // A backend fetches the tenant_access_token with the app secret and hands only the token out.
    issueCredentials: async (fake) => {
      const response = await fake.handle(
        new Request('http://127.0.0.1/open-apis/auth/v3/tenant_access_token/internal', {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ app_id: feishuApp.appId, app_secret: feishuApp.appSecret }),
        }),
      )
      const reply = await response.json()
      if (reply.code !== 0) throw new Error(`the feishu fake issued no token: ${JSON.stringify(reply)}`)
      return { tenantAccessToken: reply.tenant_access_token }
    },
    createClient: (main, baseURL, credentials) =>
      main.createFeishu({ tenantAccessToken: credentials.tenantAccessToken, baseURL, retry: 0 }),
    target: { chatId: 'oc_smoke_chat' },
    createRejectedClient: (main, baseURL) =>
      main.createFeishu({ tenantAccessToken: 't-revoked', baseURL, retry: 0 }),
    createWithSecret: (main, baseURL, allow) =>
      main.createFeishu({ ...feishuApp, baseURL, dangerouslyAllowBrowser: allow }),
    secretSetting: 'appSecret',
  },
  {
    id: 'netease-im',
    packageName: '@msg/netease-im',
    directory: 'netease-im',
    createFake: (testing) => testing.createNeteaseImFake(neteaseApp),
    // The user's own proxy: takes the browser's unsigned request and signs it server side.
    createProxy: (fake, main) => async (request) => {
      const headers = new Headers(request.headers)
      for (const [name, value] of Object.entries(await main.createSignatureHeaders(neteaseApp))) {
        headers.set(name, value)
      }
      const body = request.method === 'GET' ? undefined : await request.text()
      return fake.handle(new Request(request.url, { method: request.method, headers, body }))
    },
    // Server side (Node, Bun, Deno): signs every attempt itself with WebCrypto SHA-1.
    createClient: (main, baseURL) => main.createNeteaseIm({ ...neteaseApp, baseURL, retry: 0 }),
    // In a browser: no secret, unsigned requests to the proxy baseURL.
    createBrowserClient: (main, _baseURL, credentials) =>
      main.createNeteaseIm({ baseURL: credentials.proxyURL, retry: 0 }),
    target: { from: 'smoke_sender', to: 'smoke_friend', type: 'p2p' },
    createRejectedClient: (main, baseURL) =>
      main.createNeteaseIm({
        appKey: neteaseApp.appKey,
        appSecret: 'wrong-secret',
        baseURL,
        retry: 0,
        dangerouslyAllowBrowser: true,
      }),
    createWithSecret: (main, baseURL, allow) =>
      main.createNeteaseIm({ ...neteaseApp, baseURL, dangerouslyAllowBrowser: allow }),
    secretSetting: 'appSecret',
  },
]

/** The text every smoke send carries. */
export const smokeText = 'hello from the @msg runtime smoke'

/** @param {string} id */
export function vendorById(id) {
  const entry = vendors.find((vendor) => vendor.id === id)
  if (!entry) throw new Error(`unknown vendor ${id}`)
  return entry
}
