import { type CallOptions, MsgError } from '@msg/core'
import { BatchSendError, type FxiaokeBatchResult } from '../fxiaoke-batch-send-error.js'
import type { FxiaokeContext } from '../fxiaoke-context.js'
import type { FxiaokeSentMessage } from '../fxiaoke-text-channel.js'
import { maxRecipients } from './message-limits.js'
import type { FxiaokeMessage } from './message-types.js'
import { checkUserId, sendValidMessage } from './send-batch.js'

/**
 * The one batching of every send (`message.send`, `sendText`, a channel's notice): a validated
 * message goes to its `toUser` in consecutive batches of 500, one after another, each reported.
 * A failing batch stops the send: with one batch its error is thrown as is; with several, a
 * {@link BatchSendError} tells which recipients were sent, unknown and not sent. Nothing is sent
 * twice. `requestId` lists the batches' `traceId`s, comma-separated.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export async function sendInBatches(
  context: FxiaokeContext,
  message: FxiaokeMessage,
  operation: string,
  options?: CallOptions,
): Promise<FxiaokeSentMessage> {
  checkUserId(context, operation)
  const batches: FxiaokeBatchResult[] = []
  for (let start = 0; start < message.toUser.length; start += maxRecipients) {
    batches.push({ toUser: message.toUser.slice(start, start + maxRecipients), status: 'skipped' })
  }
  for (const batch of batches) {
    try {
      const { data } = await sendValidMessage(context, { ...message, toUser: batch.toUser }, options)
      batch.status = 'sent'
      batch.traceId = data.traceId
    } catch (caught) {
      const error = MsgError.isInstance(caught)
        ? caught
        : new MsgError({ vendor: 'fxiaoke', message: `${operation}: ${String(caught)}`, delivery: 'unknown' })
      if (batches.length === 1) throw error
      batch.status = 'failed'
      batch.error = error
      throw new BatchSendError(batches, error, operation)
    }
  }
  return {
    vendor: 'fxiaoke',
    requestId: batches.map((batch) => batch.traceId).join(','),
    raw: batches.map((batch) => ({ traceId: batch.traceId })),
    batches,
  }
}
