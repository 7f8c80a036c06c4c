import { type CallOptions, nonEmptyText, type SentMessage, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { FxiaokeBatchResult } from './fxiaoke-batch-send-error.js'
import type { FxiaokeContext } from './fxiaoke-context.js'
import { sendInBatches } from './message/send-in-batches.js'

/**
 * Who gets a text: any number of employee ids, sent in consecutive batches of 500.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export interface FxiaokeTarget {
  toUser: readonly string[]
}

/**
 * A text Fxiaoke accepted for every recipient: one `sent` result per batch, in order.
 * `requestId` lists the batches' `traceId`s, comma-separated.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export interface FxiaokeSentMessage extends SentMessage {
  batches: FxiaokeBatchResult[]
}

const textSchema = v.object({
  toUser: v.pipe(v.array(nonEmptyText, 'must be an array of ids'), v.minLength(1, 'at least 1 recipient')),
  text: nonEmptyText,
})

/**
 * Sends `text` to every recipient, 500 per `message.send`, one batch after another. The whole list
 * is validated first. A failing batch stops the send: with one batch its error is thrown as is;
 * with several, a {@link BatchSendError} tells which recipients were sent, unknown and not sent.
 * `options.idempotencyKey` is ignored: Fxiaoke de-duplicates nothing.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export async function sendFxiaokeText(
  context: FxiaokeContext,
  target: FxiaokeTarget,
  text: string,
  options?: CallOptions,
): Promise<FxiaokeSentMessage> {
  const { toUser } = validateInput(
    textSchema,
    { toUser: target?.toUser, text },
    { vendor: 'fxiaoke', operation: 'sendText' },
  )
  return sendInBatches(context, { toUser, msgType: 'text', text: { content: text } }, 'sendText', options)
}
