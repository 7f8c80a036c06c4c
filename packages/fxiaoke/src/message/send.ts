import { type CallOptions, randomUuid, ValidationError, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { FxiaokeContext } from '../fxiaoke-context.js'
import { readFxiaokeEnvelope } from '../fxiaoke-envelope.js'

/**
 * Most recipients one `message.send` accepts.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export const maxRecipients = 500

/**
 * One recipient id: a non-empty string.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export const recipientSchema = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'))

/**
 * Text content: a non-empty string (12005 otherwise); no maximum is documented.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export const contentSchema = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'))

const messageSchema = v.object(
  {
    toUser: v.pipe(
      v.array(recipientSchema, 'must be an array of ids'),
      v.minLength(1, 'at least 1 recipient'),
      v.maxLength(maxRecipients, 'at most 500 recipients'),
    ),
    msgType: v.literal('text', "must be 'text'"),
    text: v.object({ content: contentSchema }, 'must be an object'),
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
): Promise<{ data: FxiaokeSendResult; requestId: string }> {
  const message = validateInput(messageSchema, input, { vendor: 'fxiaoke', operation: 'message.send' })
  const { http, legacy, userId } = context
  if (!legacy && !userId) {
    throw new ValidationError({
      vendor: 'fxiaoke',
      message: 'message.send: invalid input, nothing was sent: userId: required (x-fs-userid header)',
      issues: [{ path: 'userId', message: 'required (x-fs-userid header)' }],
    })
  }
  const data = await context.withToken<FxiaokeSendResult>((token) => {
    const ea = token.extra?.ea ?? ''
    return http.send({
      operation: 'message.send',
      path: '/cgi/message/send',
      query: () => ({ thirdTraceId: randomUuid() }),
      headers: (): Record<string, string> =>
        legacy ? {} : { authorization: `Bearer ${token.value}`, 'x-fs-ea': ea, 'x-fs-userid': userId ?? '' },
      body: legacy ? { corpAccessToken: token.value, corpId: ea, ...message } : message,
      read: (response, readContext) => readFxiaokeEnvelope(response, readContext, resultSchema, (e) => e),
      options,
    })
  })
  return { data, requestId: data.traceId }
}
