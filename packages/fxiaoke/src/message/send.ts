import type { CallOptions } from '@msg/core'
import type { FxiaokeBatchResult } from '../fxiaoke-batch-send-error.js'
import type { FxiaokeContext } from '../fxiaoke-context.js'
import { validateMessage } from './message-schema.js'
import type { FxiaokeMessage } from './message-types.js'
import { sendInBatches } from './send-in-batches.js'

/**
 * What a successful `message.send` returns: Fxiaoke's `traceId` (it returns no message id; with
 * several batches, their `traceId`s comma-separated) and one `sent` result per batch of 500.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export interface FxiaokeSendResult {
  traceId: string
  batches: FxiaokeBatchResult[]
}

/**
 * `message.send`: validates the whole body, then sends it to every recipient in batches of 500.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/send/
 */
export async function sendMessage(
  context: FxiaokeContext,
  input: FxiaokeMessage,
  options?: CallOptions,
): Promise<FxiaokeSendResult> {
  const message = validateMessage(input, 'message.send')
  const { requestId, batches } = await sendInBatches(context, message, 'message.send', options)
  return { traceId: requestId ?? '', batches }
}
