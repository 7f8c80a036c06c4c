import type { FetchHandler } from '@msg/core/testing'
import type { VendorName } from '../vendors/vendor-spec.js'

/** What the sandbox needs of a vendor fake: its handler, and what it saw (for `GET /_sandbox`). */
export interface SandboxFake {
  handle: FetchHandler
  requests: readonly unknown[]
  inbox: readonly unknown[]
}

/** How the sandbox runs one vendor's fake, and what a user needs to send to it. */
export interface SandboxVendorSetup {
  /** Sample credentials, by `msg send` flag name. Not secrets: they only open the local fake. */
  credentials: Readonly<Record<string, string>>
  /** A sample target, by `msg send` flag name. */
  target: Readonly<Record<string, string>>
  /** Creates the fake (from the vendor package's `./testing`) accepting exactly these credentials. */
  createFake(): Promise<SandboxFake>
}

/** The four fakes of the sandbox, each with credentials it accepts and a sample target. */
export const sandboxVendors: Readonly<Record<VendorName, SandboxVendorSetup>> = {
  gewe: {
    credentials: { token: 'sandbox-gewe-token' },
    target: { 'app-id': 'wx_sandbox_device', 'to-wxid': 'wxid_sandbox_friend' },
    async createFake() {
      const { createGeweFake } = await import('@msg/gewe/testing')
      return createGeweFake({ token: 'sandbox-gewe-token' })
    },
  },
  feishu: {
    credentials: { 'app-id': 'cli_sandbox', 'app-secret': 'sandbox-feishu-secret' },
    target: { 'chat-id': 'oc_sandbox_chat' },
    async createFake() {
      const { createFeishuFake } = await import('@msg/feishu/testing')
      return createFeishuFake({ appId: 'cli_sandbox', appSecret: 'sandbox-feishu-secret' })
    },
  },
  fxiaoke: {
    credentials: {
      'app-id': 'FSAID_sandbox',
      'app-secret': 'sandbox-fxiaoke-secret',
      'permanent-code': 'sandbox-permanent-code',
      'user-id': 'FSUID_sandbox_admin',
    },
    target: { 'to-user': 'FSUID_sandbox_user' },
    async createFake() {
      const { createFxiaokeFake } = await import('@msg/fxiaoke/testing')
      return createFxiaokeFake({
        appId: 'FSAID_sandbox',
        appSecret: 'sandbox-fxiaoke-secret',
        permanentCode: 'sandbox-permanent-code',
      })
    },
  },
  'netease-im': {
    credentials: { 'app-key': 'sandbox-netease-app-key', 'app-secret': 'sandbox-netease-secret' },
    target: { from: 'sandbox_alice', to: 'sandbox_bob' },
    async createFake() {
      const { createNeteaseImFake } = await import('@msg/netease-im/testing')
      return createNeteaseImFake({ appKey: 'sandbox-netease-app-key', appSecret: 'sandbox-netease-secret' })
    },
  },
}
