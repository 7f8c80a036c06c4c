import { createFeishu } from '@msg/feishu'
import { createFeishuFake } from '@msg/feishu/testing'
import { createFxiaoke } from '@msg/fxiaoke'
import { createFxiaokeFake } from '@msg/fxiaoke/testing'
import { createGewe } from '@msg/gewe'
import { createGeweFake } from '@msg/gewe/testing'
import { createNeteaseIm } from '@msg/netease-im'
import { createNeteaseImFake } from '@msg/netease-im/testing'
import { type AnyFake, secretsOnTheWire, type VendorKit, type VendorName } from './vendor-kit.js'

/** Distinctive secret values: the redaction audit greps every output for them. */
export const knownSecrets = {
  feishuAppSecret: 'feishu-app-secret-Zx81QpWv',
  geweToken: 'gewe-token-Kq27VbNm',
  fxiaokeAppSecret: 'fxiaoke-app-secret-Lm55TrAa',
  fxiaokePermanentCode: 'fxiaoke-permanent-code-Hy63Ws',
  neteaseAppSecret: 'netease-app-secret-Pd94CeQq',
}

const pathOf = (request: Request) => new URL(request.url).pathname

const feishu: VendorKit = {
  vendor: 'feishu',
  createFake: () =>
    createFeishuFake({
      appId: 'cli_reliability',
      appSecret: knownSecrets.feishuAppSecret,
    }) as unknown as AnyFake,
  createSender(baseURL, transport) {
    const client = createFeishu({
      appId: 'cli_reliability',
      appSecret: knownSecrets.feishuAppSecret,
      ...transport,
      baseURL,
    })
    return { sendText: (text, options) => client.sendText({ chatId: 'oc_reliability' }, text, options) }
  },
  isSendPath: (path) => path === '/open-apis/im/v1/messages',
  isTokenRequest: (request) => pathOf(request).includes('tenant_access_token'),
  configuredSecrets: [knownSecrets.feishuAppSecret],
  wireSecrets: (fake) => [
    ...secretsOnTheWire(fake),
    ...((fake as { issuedTokens?: string[] }).issuedTokens ?? []),
  ],
}

const gewe: VendorKit = {
  vendor: 'gewe',
  createFake: () => createGeweFake({ token: knownSecrets.geweToken }) as unknown as AnyFake,
  createSender(baseURL, transport) {
    const client = createGewe({
      token: knownSecrets.geweToken,
      pacing: false,
      ...transport,
      baseURL: `${baseURL}/gewe/v2/api`,
    })
    return {
      sendText: (text, options) => client.sendText({ appId: 'wx_app', toWxid: 'wxid_peer' }, text, options),
    }
  },
  isSendPath: (path) => path.endsWith('/message/postText'),
  isTokenRequest: () => false,
  configuredSecrets: [knownSecrets.geweToken],
  wireSecrets: secretsOnTheWire,
}

const fxiaoke: VendorKit = {
  vendor: 'fxiaoke',
  createFake: () =>
    createFxiaokeFake({
      appId: 'FSAID_reliability',
      appSecret: knownSecrets.fxiaokeAppSecret,
      permanentCode: knownSecrets.fxiaokePermanentCode,
      tokenLatencyMs: 0,
      tokenCallsPerMinute: 1_000_000,
    }) as unknown as AnyFake,
  createSender(baseURL, transport) {
    const client = createFxiaoke({
      appId: 'FSAID_reliability',
      appSecret: knownSecrets.fxiaokeAppSecret,
      permanentCode: knownSecrets.fxiaokePermanentCode,
      userId: '1000',
      ...transport,
      baseURL,
    })
    return { sendText: (text, options) => client.sendText({ toUser: ['1001'] }, text, options) }
  },
  isSendPath: (path) => path.endsWith('/cgi/message/send'),
  isTokenRequest: (request) => /\/oauth2\.0\/token$|\/corpAccessToken\/get\/V2$/.test(pathOf(request)),
  configuredSecrets: [knownSecrets.fxiaokeAppSecret, knownSecrets.fxiaokePermanentCode],
  wireSecrets: secretsOnTheWire,
}

const neteaseIm: VendorKit = {
  vendor: 'netease-im',
  createFake: () =>
    createNeteaseImFake({
      appKey: 'reliability-app-key',
      appSecret: knownSecrets.neteaseAppSecret,
    }) as unknown as AnyFake,
  createSender(baseURL, transport) {
    const client = createNeteaseIm({
      appKey: 'reliability-app-key',
      appSecret: knownSecrets.neteaseAppSecret,
      ...transport,
      baseURL,
    })
    return {
      sendText: (text, options) => client.sendText({ from: 'alice', to: 'bob', type: 'p2p' }, text, options),
    }
  },
  isSendPath: (path) => /^\/im\/v2\/conversations\/[^/]+\/messages$/.test(path),
  isTokenRequest: () => false,
  configuredSecrets: [knownSecrets.neteaseAppSecret],
  wireSecrets: secretsOnTheWire,
}

/** Every vendor kit, by name. */
export const vendorKits: Record<VendorName, VendorKit> = { feishu, gewe, fxiaoke, 'netease-im': neteaseIm }
