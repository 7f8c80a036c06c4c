import type { VendorName } from '../vendors/vendor-spec.js'
import { feishuListen } from './feishu-listen.js'
import { fxiaokeListen } from './fxiaoke-listen.js'
import { geweListen } from './gewe-listen.js'
import type { ListenSpec } from './listen-spec.js'
import { neteaseImListen } from './netease-im-listen.js'

/** The vendors whose package has a `./webhook`, by vendor name. */
export const listenSpecs: Readonly<Record<VendorName, ListenSpec>> = {
  gewe: geweListen,
  feishu: feishuListen,
  fxiaoke: fxiaokeListen,
  'netease-im': neteaseImListen,
}

/** The listen spec of a vendor name given on the command line, if it has one. */
export function findListenSpec(name: string): ListenSpec | undefined {
  return Object.hasOwn(listenSpecs, name) ? listenSpecs[name as VendorName] : undefined
}
