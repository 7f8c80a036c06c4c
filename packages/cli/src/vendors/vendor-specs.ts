import { feishuBotSpec } from './feishu-bot-spec.js'
import { feishuSpec } from './feishu-spec.js'
import { fxiaokeSpec } from './fxiaoke-spec.js'
import { geweSpec } from './gewe-spec.js'
import { neteaseImSpec } from './netease-im-spec.js'
import type { VendorName, VendorSpec } from './vendor-spec.js'

/** Every vendor's flag and credential mapping, by vendor name. */
export const vendorSpecs: Readonly<Record<VendorName, VendorSpec>> = {
  gewe: geweSpec,
  feishu: feishuSpec,
  fxiaoke: fxiaokeSpec,
  'netease-im': neteaseImSpec,
}

/** Senders that are not a vendor's app client, by their `msg send` name. */
export const extraSpecs: Readonly<Record<string, VendorSpec>> = { 'feishu-bot': feishuBotSpec }

/** The spec of a name given on the command line (`gewe`, …, `feishu-bot`), if it is one. */
export function findVendorSpec(name: string): VendorSpec | undefined {
  if (Object.hasOwn(vendorSpecs, name)) return vendorSpecs[name as VendorName]
  return Object.hasOwn(extraSpecs, name) ? extraSpecs[name] : undefined
}
