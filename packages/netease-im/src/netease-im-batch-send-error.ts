import { hasErrorKind, MsgError, tagErrorKind } from '@msg/core'
import type { NeteaseImBatchResult } from './conversations/send-batch-messages-types.js'

/**
 * A `sendBatchMessages` of more than 100 receivers stopped at a failing call. Every receiver is in
 * exactly one list: `sent` (accepted and not in a `failed_list`), `unknown` (the failing call, when
 * its delivery is unknown) or `notSent` (refused in a `failed_list`, the failing call when provably
 * not delivered, and every later call). Nothing was sent twice; `cause` is the failing call's error.
 * @see README.md#batch-send
 */
export class NeteaseImBatchSendError extends MsgError {
  readonly sent: string[]
  readonly notSent: string[]
  readonly unknown: string[]
  readonly batches: NeteaseImBatchResult[]

  constructor(batches: NeteaseImBatchResult[], error: MsgError) {
    const failedAt = batches.findIndex((batch) => batch.status === 'failed')
    const refused = new Set(
      batches.flatMap((batch) => (batch.failed_list ?? []).map((failure) => failure.receiver_id)),
    )
    const sent: string[] = []
    const unknown: string[] = []
    const notSent: string[] = []
    for (const batch of batches)
      for (const receiver of batch.receiver_ids) {
        if (batch.status === 'sent') (refused.has(receiver) ? notSent : sent).push(receiver)
        else if (batch.status === 'failed' && error.delivery === 'unknown') unknown.push(receiver)
        else notSent.push(receiver)
      }
    super({
      vendor: 'netease-im',
      message: `conversation.sendBatchMessages: call ${failedAt + 1} of ${batches.length} failed, ${sent.length} receivers sent, ${unknown.length} unknown, ${notSent.length} not sent: ${error.message.replace(/^\[[^\]]*\] (conversation\.sendBatchMessages )?/, '')}`,
      delivery: sent.length + unknown.length > 0 ? 'unknown' : 'not-sent',
      cause: error,
    })
    tagErrorKind(this, 'NeteaseImBatchSendError')
    this.sent = sent
    this.unknown = unknown
    this.notSent = notSent
    this.batches = batches
  }

  /** `instanceof` that also holds across duplicated installs. */
  static override isInstance(value: unknown): value is NeteaseImBatchSendError {
    return hasErrorKind(value, 'NeteaseImBatchSendError')
  }
}
