import { hasErrorKind, MsgError, tagErrorKind } from '@msg/core'

/**
 * The outcome of one batch of at most 500 recipients.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export interface FxiaokeBatchResult {
  toUser: string[]
  /** `sent`: accepted; `failed`: see `error` (its `delivery` says whether it may have arrived); `skipped`: not attempted. */
  status: 'sent' | 'failed' | 'skipped'
  traceId?: string
  error?: MsgError
}

/**
 * A multi-batch send (`sendText`, `message.send`, a channel) stopped at a failing batch. Every recipient is in exactly one list:
 * `sent` (batches Fxiaoke accepted), `unknown` (the failing batch, when its delivery is unknown) or
 * `notSent`. Nothing was sent twice; `cause` is the failing batch's error.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export class BatchSendError extends MsgError {
  readonly sent: string[]
  readonly notSent: string[]
  readonly unknown: string[]
  readonly batches: FxiaokeBatchResult[]

  constructor(batches: FxiaokeBatchResult[], error: MsgError, operation = 'sendText') {
    const pick = (test: (batch: FxiaokeBatchResult) => boolean) =>
      batches.filter(test).flatMap((batch) => batch.toUser)
    const failedAt = batches.findIndex((batch) => batch.status === 'failed')
    const sent = pick((batch) => batch.status === 'sent')
    const unknown = pick((batch) => batch.status === 'failed' && error.delivery === 'unknown')
    const notSent = pick(
      (batch) => batch.status === 'skipped' || (batch.status === 'failed' && error.delivery !== 'unknown'),
    )
    super({
      vendor: 'fxiaoke',
      message: `${operation}: batch ${failedAt + 1} of ${batches.length} failed, ${sent.length} recipients sent, ${unknown.length} unknown, ${notSent.length} not sent: ${error.message.replace(/^\[[^\]]*\] /, '')}`,
      delivery: sent.length + unknown.length > 0 ? 'unknown' : 'not-sent',
      cause: error,
    })
    tagErrorKind(this, 'BatchSendError')
    this.sent = sent
    this.unknown = unknown
    this.notSent = notSent
    this.batches = batches
  }

  /** `instanceof` that also holds across duplicated installs. */
  static override isInstance(value: unknown): value is BatchSendError {
    return hasErrorKind(value, 'BatchSendError')
  }
}
