import type { SandboxVendor } from '@msg/core/testing'
import { feishuSandbox } from '@msg/feishu/testing'
import { createFxiaokeFake, fxiaokeSandbox } from '@msg/fxiaoke/testing'
import { geweSandbox } from '@msg/gewe/testing'
import { neteaseImSandbox } from '@msg/netease-im/testing'
import { secretsOnTheWire, type VendorKit, type VendorName } from './vendor-kit.js'

const pathOf = (request: Request) => new URL(request.url).pathname

/**
 * A kit's fake and client from the vendor's sandbox descriptor: its sample credentials and target,
 * with the suite's transport settings (retries, timeouts, hooks) and `baseURL` replacing the
 * descriptor's. `settings` are vendor settings the suites always need (GeWe: no pacing).
 */
function fromSandbox<Target>(
  sandbox: SandboxVendor<Record<string, unknown>, Target>,
  settings: Record<string, unknown> = {},
): Pick<VendorKit, 'createFake' | 'createSender'> {
  return {
    createFake: () => sandbox.createFake(),
    createSender(baseURL, transport) {
      const client = sandbox.createClient(baseURL, { ...settings, ...transport })
      return { sendText: (text, options) => client.sendText(sandbox.target, text, options) }
    },
  }
}

const feishu: VendorKit = {
  vendor: 'feishu',
  ...fromSandbox(feishuSandbox),
  isSendPath: (path) => path === '/open-apis/im/v1/messages',
  isTokenRequest: (request) => pathOf(request).includes('tenant_access_token'),
  configuredSecrets: [feishuSandbox.credentials.appSecret],
  wireSecrets: (fake) => [
    ...secretsOnTheWire(fake),
    ...((fake as { issuedTokens?: string[] }).issuedTokens ?? []),
  ],
}

const gewe: VendorKit = {
  vendor: 'gewe',
  ...fromSandbox(geweSandbox, { pacing: false }),
  isSendPath: (path) => path.endsWith('/message/postText'),
  isTokenRequest: () => false,
  configuredSecrets: [geweSandbox.credentials.token],
  wireSecrets: secretsOnTheWire,
}

const { appId, appSecret, permanentCode } = fxiaokeSandbox.credentials
const fxiaoke: VendorKit = {
  vendor: 'fxiaoke',
  ...fromSandbox(fxiaokeSandbox),
  // Token calls answer at once and are never rate-limited: the matrix and the load test make many.
  createFake: () =>
    createFxiaokeFake({ appId, appSecret, permanentCode, tokenLatencyMs: 0, tokenCallsPerMinute: 1_000_000 }),
  isSendPath: (path) => path.endsWith('/cgi/message/send'),
  isTokenRequest: (request) => /\/oauth2\.0\/token$|\/corpAccessToken\/get\/V2$/.test(pathOf(request)),
  configuredSecrets: [appSecret, permanentCode],
  wireSecrets: secretsOnTheWire,
}

const neteaseIm: VendorKit = {
  vendor: 'netease-im',
  ...fromSandbox(neteaseImSandbox),
  isSendPath: (path) => /^\/im\/v2\/conversations\/[^/]+\/messages$/.test(path),
  isTokenRequest: () => false,
  configuredSecrets: [neteaseImSandbox.credentials.appSecret],
  wireSecrets: secretsOnTheWire,
}

/** Every vendor kit, by name. */
export const vendorKits: Record<VendorName, VendorKit> = { feishu, gewe, fxiaoke, 'netease-im': neteaseIm }
