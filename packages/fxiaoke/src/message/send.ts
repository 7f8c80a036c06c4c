import {
  type CallOptions,
  type EndpointResult,
  invalidInput,
  nonEmptyText,
  randomUuid,
  validateInput,
} from '@msg/core'
import * as v from 'valibot'
import type { FxiaokeContext } from '../fxiaoke-context.js'
import { readFxiaokeEnvelope } from '../fxiaoke-envelope.js'

/**
 * Most recipients one `message.send` accepts.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export const maxRecipients = 500

const messageSchema = v.object(
  {
    toUser: v.pipe(
      v.array(nonEmptyText, 'must be an array of ids'),
      v.minLength(1, 'at least 1 recipient'),
      v.maxLength(maxRecipients, 'at most 500 recipients'),
    ),
    msgType: v.literal('text', "must be 'text'"),
    // Text content: non-empty (12005 otherwise); no maximum is documented.
    text: v.object({ content: nonEmptyText }, 'must be an object'),
    convertUserId: v.optional(v.boolean('must be a boolean')),
  },
  'is required',
)

/**
 * The body of `POST /cgi/message/send`, field names as Fxiaoke spells them.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export interface FxiaokeTextMessage {
  /** Recipient employee ids, 1 to 500 (`FSUID_…` openUserIds with `convertUserId: true` or in legacy mode). */
  toUser: readonly string[]
  msgType: 'text'
  text: { content: string }
  /** Optional top-level flag: the ids in `toUser` are openUserIds. */
  convertUserId?: boolean
}

/**
 * What a successful send returns: Fxiaoke's `traceId` (it returns no message id).
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export interface FxiaokeSendResult {
  traceId: string
}

const resultSchema = v.object({ traceId: v.string() })

/**
 * `POST /cgi/message/send?thirdTraceId=<fresh UUID v4 per attempt>` with the v2 headers (or, in
 * legacy mode, `corpAccessToken`/`corpId` in the body). Never resent after an ambiguous failure.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export async function sendMessage(
  context: FxiaokeContext,
  input: FxiaokeTextMessage,
  options?: CallOptions,
): Promise<EndpointResult<FxiaokeSendResult>> {
  const message = validateInput(messageSchema, input, { vendor: 'fxiaoke', operation: 'message.send' })
  return sendValidMessage(context, message, options)
}

/** `message.send` without validation, for input validated already (`sendText` validates the whole list). */
export async function sendValidMessage(
  context: FxiaokeContext,
  message: FxiaokeTextMessage,
  options?: CallOptions,
): Promise<EndpointResult<FxiaokeSendResult>> {
  if (!context.legacy && !context.userId) {
    throw invalidInput({ vendor: 'fxiaoke', operation: 'message.send' }, [
      { path: 'userId', message: 'required (x-fs-userid header)' },
    ])
  }
  const data = await context.http.send({
    operation: 'message.send',
    path: '/cgi/message/send',
    query: () => ({ thirdTraceId: randomUuid() }),
    body: message,
    read: (response, readContext) => readFxiaokeEnvelope(response, readContext, resultSchema, (e) => e),
    options,
  })
  return { data, requestId: data.traceId }
}
