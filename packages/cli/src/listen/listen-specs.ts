import type { VendorName } from '../vendors/vendor-spec.js'
import { feishuListen } from './feishu-listen.js'
import { fxiaokeListen } from './fxiaoke-listen.js'
import type { ListenSpec } from './listen-spec.js'

/** The vendors whose package has a `./webhook`, by vendor name. */
export const listenSpecs: Readonly<Partial<Record<VendorName, ListenSpec>>> = {
  feishu: feishuListen,
  fxiaoke: fxiaokeListen,
}

/** The listen spec of a vendor name given on the command line, if it has one. */
export function findListenSpec(name: string): ListenSpec | undefined {
  return Object.hasOwn(listenSpecs, name) ? listenSpecs[name as VendorName] : undefined
}
