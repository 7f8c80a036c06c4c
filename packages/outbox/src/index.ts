export type { AuditEntry, LedgerEntry } from './admin/ledger-entry.js'
export {
  createOutboxAdmin,
  type OutboxAdmin,
  type OutboxAdminOptions,
  type OutboxProgress,
} from './admin/outbox-admin.js'
export { defaultGuardMs, type LaneLimit } from './lanes/lane-limit.js'
export { type LedgerState, ledgerStates } from './ledger/ledger-states.js'
export type { OutboxEvent, OutboxJobData, OutboxJobResult } from './outbox-job.js'
export type { OutboxLocation } from './outbox-keys.js'
export { type OutboxNotice, type OutboxPayload, payloadText } from './outbox-payload.js'
export {
  createOutbox,
  type EnqueueResult,
  type Outbox,
  type OutboxMessage,
  type OutboxOptions,
} from './outbox-producer.js'
export type { OutboxSender, OutboxSendOptions, TextClient } from './outbox-sender.js'
export type { OutboxConnection } from './redis-connection.js'
export { checkRedis, type RedisReport } from './redis-requirements.js'
export type { RetryOptions } from './retry-options.js'
export { type FeishuTextSenderOptions, feishuTextSender } from './senders/feishu-text-sender.js'
export { type FxiaokeTextSenderOptions, fxiaokeTextSender } from './senders/fxiaoke-text-sender.js'
export { type GeweTextSenderOptions, geweTextSender } from './senders/gewe-text-sender.js'
export { type NeteaseImTextSenderOptions, neteaseImTextSender } from './senders/netease-im-text-sender.js'
export { version } from './version.js'
export { classifyFailure, type FailureAction } from './worker/classify-failure.js'
export { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './worker/outbox-worker.js'
