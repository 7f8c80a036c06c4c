import type { TextChannel, TransportSettings } from '@msg/core'
import type { FeishuClient } from '@msg/feishu'
import type { FxiaokeClient } from '@msg/fxiaoke'
import type { GeweClient } from '@msg/gewe'
import type { NeteaseImClient } from '@msg/netease-im'
import type { Sandbox } from '../sandbox/start-sandbox.js'
import type { VendorName } from '../vendors/vendor-spec.js'

/** The clients of the demo, one per vendor, and each one's channel to the sample target. */
export interface DemoClients {
  gewe: { client: GeweClient; target: { appId: string; toWxid: string }; channel: TextChannel }
  feishu: { client: FeishuClient; target: { chatId: string }; channel: TextChannel }
  fxiaoke: { client: FxiaokeClient; target: { toUser: string[] }; channel: TextChannel }
  'netease-im': {
    client: NeteaseImClient
    target: { from: string; to: string; type: 'p2p' }
    channel: TextChannel
  }
}

/**
 * One client per vendor, built with each package's own factory the way a user would, pointed at
 * the sandbox. `override` replaces transport settings of one vendor (the demo breaks one).
 */
export async function createDemoClients(
  sandbox: Sandbox,
  override: Partial<Record<VendorName, TransportSettings>> = {},
): Promise<DemoClients> {
  const [{ createGewe }, { createFeishu }, { createFxiaoke }, { createNeteaseIm }] = await Promise.all([
    import('@msg/gewe'),
    import('@msg/feishu'),
    import('@msg/fxiaoke'),
    import('@msg/netease-im'),
  ])
  const { gewe, feishu, fxiaoke } = sandbox.vendors
  const netease = sandbox.vendors['netease-im']
  const settings = (name: VendorName): TransportSettings => ({
    baseURL: sandbox.vendors[name].baseURL,
    ...override[name],
  })
  // With a thumbnail, GeWe renders a Notice with a url as a link message.
  const geweClient = createGewe({
    token: gewe.credentials.token!,
    noticeThumbUrl: 'https://status.example.com/logo.png',
    ...settings('gewe'),
  })
  const feishuClient = createFeishu({
    appId: feishu.credentials['app-id']!,
    appSecret: feishu.credentials['app-secret']!,
    ...settings('feishu'),
  })
  const fxiaokeClient = createFxiaoke({
    appId: fxiaoke.credentials['app-id']!,
    appSecret: fxiaoke.credentials['app-secret']!,
    permanentCode: fxiaoke.credentials['permanent-code']!,
    userId: fxiaoke.credentials['user-id']!,
    ...settings('fxiaoke'),
  })
  const neteaseClient = createNeteaseIm({
    appKey: netease.credentials['app-key']!,
    appSecret: netease.credentials['app-secret']!,
    ...settings('netease-im'),
  })
  const targets = {
    gewe: { appId: gewe.target['app-id']!, toWxid: gewe.target['to-wxid']! },
    feishu: { chatId: feishu.target['chat-id']! },
    fxiaoke: { toUser: [fxiaoke.target['to-user']!] },
    'netease-im': { from: netease.target.from!, to: netease.target.to!, type: 'p2p' as const },
  }
  return {
    gewe: { client: geweClient, target: targets.gewe, channel: geweClient.channel(targets.gewe) },
    feishu: { client: feishuClient, target: targets.feishu, channel: feishuClient.channel(targets.feishu) },
    fxiaoke: {
      client: fxiaokeClient,
      target: targets.fxiaoke,
      channel: fxiaokeClient.channel(targets.fxiaoke),
    },
    'netease-im': {
      client: neteaseClient,
      target: targets['netease-im'],
      channel: neteaseClient.channel(targets['netease-im']),
    },
  }
}
