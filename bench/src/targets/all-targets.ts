import { feishuSandbox } from '@msg/feishu/testing'
import { coreTarget } from './core-target.js'
import { feishuTarget, feishuTokenPath } from './feishu-target.js'
import { fxiaokeTarget } from './fxiaoke-target.js'
import { geweTarget } from './gewe-target.js'
import { createLarkClient, larkSdkTarget, larkSend } from './lark-sdk-target.js'
import { neteaseImTarget } from './netease-im-target.js'
import type { BenchTarget, TokenTarget } from './target.js'

/** Our clients (core alone, then each vendor), in table order. */
export const allTargets: BenchTarget[] = [
  coreTarget,
  feishuTarget,
  geweTarget,
  fxiaokeTarget,
  neteaseImTarget,
]

/** Rows of the latency and throughput tables: ours, then the official Lark SDK. */
export const comparedTargets: BenchTarget[] = [...allTargets, larkSdkTarget]

/** Clients whose token requests are counted for concurrent first sends on the fake Feishu. */
export const tokenTargets: TokenTarget[] = [
  {
    label: '@msg/feishu',
    fake: 'feishu',
    tokenPath: feishuTokenPath,
    createSend(baseURL) {
      const client = feishuSandbox.createClient(baseURL)
      return () => client.sendText(feishuSandbox.target, 'hello')
    },
  },
  {
    label: '@larksuiteoapi/node-sdk',
    fake: 'feishu',
    tokenPath: feishuTokenPath,
    createSend(baseURL) {
      const client = createLarkClient(baseURL)
      return () => larkSend(client)
    },
  },
]

/** Vendors whose package has not landed yet; shown as pending in the report. */
export const pendingVendors: string[] = []
