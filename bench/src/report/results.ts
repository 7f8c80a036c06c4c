import type { BundleSizeResult } from '../measure/bundle-size.js'
import type { ColdStartResult } from '../measure/cold-start.js'
import type { LatencyResult } from '../measure/latency.js'
import type { MemoryResult } from '../measure/memory.js'
import type { ProfileResult } from '../measure/profile.js'
import type { ThroughputResult } from '../measure/throughput.js'
import type { WebhookMemoryResult } from '../measure/webhook-memory.js'
import type { WebhookThroughputResult } from '../measure/webhook-throughput.js'

/** Per-target figures beside raw fetch. */
export interface TargetResult {
  label: string
  latency: { ours: LatencyResult; raw: LatencyResult }
  throughput: { ours: ThroughputResult; raw: ThroughputResult }
}

/** Token requests the fake saw for N concurrent first sends. */
export interface TokenRecord {
  label: string
  firstSends: number
  tokenRequests: number
  /** Sends that failed (a client that floods the token endpoint may also fail sends). */
  failedSends: number
}

/** Everything one `pnpm bench` run measured. */
export interface BenchResults {
  date: string
  durationSeconds: number
  targets: TargetResult[]
  tokenRequests: TokenRecord[]
  coldStarts: Array<{ label: string; result: ColdStartResult }>
  bundles: Array<{ label: string; result: BundleSizeResult }>
  memory: Array<{ label: string; result: MemoryResult }>
  profiles: Array<{ label: string; ours: ProfileResult; raw: ProfileResult; sends: number }>
  /** The Feishu webhook against the Lark SDK's EventDispatcher (absent when not measured). */
  webhook?: { throughput: WebhookThroughputResult; memory: WebhookMemoryResult; appSize: BundleSizeResult }
  pending: string[]
}
