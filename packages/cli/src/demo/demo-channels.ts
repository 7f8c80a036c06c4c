import type { TextChannel, TransportSettings } from '@msg/core'
import type { Sandbox } from '../sandbox/start-sandbox.js'
import type { VendorName } from '../vendors/vendor-spec.js'

/**
 * One channel per vendor, built with each package's own factory the way a user would, pointed
 * at the sandbox. `override` replaces transport settings of one vendor (the demo breaks one).
 */
export async function createDemoChannels(
  sandbox: Sandbox,
  override: Partial<Record<VendorName, TransportSettings>> = {},
): Promise<Record<VendorName, TextChannel>> {
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
  return {
    gewe: createGewe({ token: gewe.credentials.token!, ...settings('gewe') }).channel({
      appId: gewe.target['app-id']!,
      toWxid: gewe.target['to-wxid']!,
    }),
    feishu: createFeishu({
      appId: feishu.credentials['app-id']!,
      appSecret: feishu.credentials['app-secret']!,
      ...settings('feishu'),
    }).channel({ chatId: feishu.target['chat-id']! }),
    fxiaoke: createFxiaoke({
      appId: fxiaoke.credentials['app-id']!,
      appSecret: fxiaoke.credentials['app-secret']!,
      permanentCode: fxiaoke.credentials['permanent-code']!,
      userId: fxiaoke.credentials['user-id']!,
      ...settings('fxiaoke'),
    }).channel({ toUser: [fxiaoke.target['to-user']!] }),
    'netease-im': createNeteaseIm({
      appKey: netease.credentials['app-key']!,
      appSecret: netease.credentials['app-secret']!,
      ...settings('netease-im'),
    }).channel({ from: netease.target.from!, to: netease.target.to!, type: 'p2p' }),
  }
}
