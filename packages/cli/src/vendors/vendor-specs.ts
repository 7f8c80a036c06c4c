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

/** The spec of a vendor name given on the command line, if it is one. */
export function findVendorSpec(name: string): VendorSpec | undefined {
  return Object.hasOwn(vendorSpecs, name) ? vendorSpecs[name as VendorName] : undefined
}
