import { coreTarget } from './core-target.js'
import { fxiaokeTarget } from './fxiaoke-target.js'
import { geweTarget } from './gewe-target.js'
import type { BenchTarget, TokenTarget } from './target.js'

/** Our clients (core alone, then each vendor), in table order. Vendors are added as they land on main. */
export const allTargets: BenchTarget[] = [coreTarget, geweTarget, fxiaokeTarget]

/** Rows of the latency and throughput tables: ours, then the official Lark SDK. */
export const comparedTargets: BenchTarget[] = [...allTargets]

/** Clients whose token requests are counted. */
export const tokenTargets: TokenTarget[] = []

/** Vendors whose package has not landed yet; shown as pending in the report. */
export const pendingVendors: string[] = ['feishu', 'netease-im']
