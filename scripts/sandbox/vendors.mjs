/**
 * The four vendor packages as the integration checks use them: where each lives, where its sandbox
 * descriptor is (the sample credentials, target and fake, from `@msg/<vendor>/testing`), a client
 * that sends through the fake with a pre-issued token where the vendor has one, and the calls that
 * must fail. Runtime-neutral: used by Node, Bun, Deno and Chromium alike. Every function receives
 * the imported modules, or the descriptor's plain `Sample` (it travels as JSON to other processes
 * and the browser), so this file imports no vendor package itself.
 */

/**
 * @typedef {import('@msg/core').KnownVendor} KnownVendor
 * @typedef {object} Sample what a vendor's sandbox descriptor says, as plain data
 * @property {Record<string, any>} credentials the sample credentials the fake accepts
 * @property {any} target the sample `sendText` target
 * @property {string} basePath the path below the fake's origin where the vendor's API lives
 */

/**
 * @typedef {object} VendorEntry
 * @property {KnownVendor} id
 * @property {string} packageName
 * @property {string} directory folder below `packages/`
 * @property {(testing: any) => import('@msg/core/testing').SandboxVendor} sandbox the vendor's
 *   sandbox descriptor in its `./testing` module: its fake accepts `Sample.credentials`
 * @property {((fake: any, sample: Sample) => Promise<Record<string, string>>) | undefined} issueCredentials
 *   server side, next to the fake: what a backend hands a browser (e.g. a tenant token it fetched)
 * @property {((fake: any, main: any, sample: Sample) => (request: Request) => Promise<Response>) | undefined} createProxy
 *   server side: a proxy of the user's own that adds the vendor signature, served beside the fake
 * @property {(main: any, baseURL: string, issued: any, sample: Sample) => any} createClient a client using
 *   a pre-issued token (or the server-side signature where the vendor has no token)
 * @property {((main: any, baseURL: string, issued: any, sample: Sample) => any) | undefined} createBrowserClient
 *   how a browser sends when that differs from `createClient` (e.g. through the proxy)
 * @property {(main: any, baseURL: string, issued: any, sample: Sample) => any} createRejectedClient a
 *   client whose credentials the fake refuses
 * @property {((main: any, baseURL: string, allow: boolean, sample: Sample) => any) | undefined} createWithSecret
 *   a client with the long-lived secret
 * @property {string | undefined} secretSetting the setting the browser guard names
 */

/** @type {VendorEntry[]} */
export const vendors = [
  {
    id: 'gewe',
    packageName: '@msg/gewe',
    directory: 'gewe',
    sandbox: (testing) => testing.geweSandbox,
    // GeWe has only its long-lived console token: a browser must opt in (or call through a proxy).
    createClient: (main, baseURL, _issued, sample) =>
      main.createGewe({
        token: sample.credentials.token,
        baseURL: `${baseURL}${sample.basePath}`,
        pacing: false,
        retry: 0,
        dangerouslyAllowBrowser: true,
      }),
    createRejectedClient: (main, baseURL, _issued, sample) =>
      main.createGewe({
        token: 'revoked-token',
        baseURL: `${baseURL}${sample.basePath}`,
        pacing: false,
        retry: 0,
        dangerouslyAllowBrowser: true,
      }),
    createWithSecret: (main, baseURL, allow, sample) =>
      main.createGewe({ token: sample.credentials.token, baseURL, dangerouslyAllowBrowser: allow }),
    secretSetting: 'token',
  },
  {
    id: 'fxiaoke',
    packageName: '@msg/fxiaoke',
    directory: 'fxiaoke',
    sandbox: (testing) => testing.fxiaokeSandbox,
    issueCredentials: async (fake, { credentials }) => {
      const response = await fake.handle(
        new Request(`http://127.0.0.1/oauth2.0/token?thirdTraceId=${crypto.randomUUID()}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            appId: credentials.appId,
            appSecret: credentials.appSecret,
            permanentCode: credentials.permanentCode,
            grantType: 'app_secret',
          }),
        }),
      )
      const reply = await response.json()
      if (reply.errorCode !== 0) throw new Error(`the fxiaoke fake issued no token: ${JSON.stringify(reply)}`)
      return { accessToken: reply.accessToken, ea: reply.ea }
    },
    createClient: (main, baseURL, issued, sample) =>
      main.createFxiaoke({ ...issued, userId: sample.credentials.userId, baseURL, retry: 0 }),
    createRejectedClient: (main, baseURL, issued, sample) =>
      main.createFxiaoke({
        accessToken: 'revoked-token',
        ea: issued.ea,
        userId: sample.credentials.userId,
        baseURL,
        retry: 0,
      }),
    createWithSecret: (main, baseURL, allow, sample) =>
      main.createFxiaoke({ ...sample.credentials, baseURL, dangerouslyAllowBrowser: allow }),
    secretSetting: 'appSecret',
  },
  {
    id: 'feishu',
    packageName: '@msg/feishu',
    directory: 'feishu',
    sandbox: (testing) => testing.feishuSandbox,
    // A backend fetches the tenant_access_token with the app secret and hands only the token out.
    issueCredentials: async (fake, { credentials }) => {
      const response = await fake.handle(
        new Request('http://127.0.0.1/open-apis/auth/v3/tenant_access_token/internal', {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ app_id: credentials.appId, app_secret: credentials.appSecret }),
        }),
      )
      const reply = await response.json()
      if (reply.code !== 0) throw new Error(`the feishu fake issued no token: ${JSON.stringify(reply)}`)
      return { tenantAccessToken: reply.tenant_access_token }
    },
    createClient: (main, baseURL, issued) =>
      main.createFeishu({ tenantAccessToken: issued.tenantAccessToken, baseURL, retry: 0 }),
    createRejectedClient: (main, baseURL) =>
      main.createFeishu({ tenantAccessToken: 't-revoked', baseURL, retry: 0 }),
    createWithSecret: (main, baseURL, allow, sample) =>
      main.createFeishu({ ...sample.credentials, baseURL, dangerouslyAllowBrowser: allow }),
    secretSetting: 'appSecret',
  },
  {
    id: 'netease-im',
    packageName: '@msg/netease-im',
    directory: 'netease-im',
    sandbox: (testing) => testing.neteaseImSandbox,
    // The user's own proxy: takes the browser's unsigned request and signs it server side.
    createProxy: (fake, main, sample) => async (request) => {
      const headers = new Headers(request.headers)
      for (const [name, value] of Object.entries(await main.createSignatureHeaders(sample.credentials))) {
        headers.set(name, value)
      }
      const body = request.method === 'GET' ? undefined : await request.text()
      return fake.handle(new Request(request.url, { method: request.method, headers, body }))
    },
    // Server side (Node, Bun, Deno): signs every attempt itself with WebCrypto SHA-1.
    createClient: (main, baseURL, _issued, sample) =>
      main.createNeteaseIm({ ...sample.credentials, baseURL, retry: 0 }),
    // In a browser: no secret, unsigned requests to the proxy baseURL.
    createBrowserClient: (main, _baseURL, issued) =>
      main.createNeteaseIm({ baseURL: issued.proxyURL, retry: 0 }),
    createRejectedClient: (main, baseURL, _issued, sample) =>
      main.createNeteaseIm({
        appKey: sample.credentials.appKey,
        appSecret: 'wrong-secret',
        baseURL,
        retry: 0,
        dangerouslyAllowBrowser: true,
      }),
    createWithSecret: (main, baseURL, allow, sample) =>
      main.createNeteaseIm({ ...sample.credentials, baseURL, dangerouslyAllowBrowser: allow }),
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

/**
 * The descriptor's sample as plain data, to hand to other processes and the browser.
 * @param {import('@msg/core/testing').SandboxVendor} sandbox
 * @returns {Sample}
 */
export function sampleOf(sandbox) {
  return { credentials: { ...sandbox.credentials }, target: sandbox.target, basePath: sandbox.basePath }
}
