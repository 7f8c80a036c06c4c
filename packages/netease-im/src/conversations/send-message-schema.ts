import { nonEmptyText } from '@msg/core'
import * as v from 'valibot'
import { conversationIdSchema } from './conversation-id.js'

const stringRule = v.string('must be a string')

/** An integer of at least `minimum` (also used by the settings schema). */
export const integerAtLeast = (minimum: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be an integer'),
    v.minValue(minimum, `must be at least ${minimum}`),
  )

const isJson = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

const limited = (limit: number) => v.pipe(stringRule, v.maxLength(limit, `at most ${limit} characters`))

const jsonText = (limit: number) =>
  v.optional(v.nullable(v.pipe(limited(limit), v.check(isJson, 'must be valid JSON'))))

/** For objects: a missing required key reports `is required`, a non-object `must be an object`. */
const objectMessage = (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined ? 'is required' : 'must be an object'

const isTextOrTip = (message: { message_type: number }) =>
  message.message_type === 0 || message.message_type === 10

/**
 * The checks made before a message is sent: the limits NetEase documents. Loose objects, so every
 * field (and any field newer than this package) passes through unchanged.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export function sendMessageInputSchema(textLimit: number) {
  let schema = schemas.get(textLimit)
  if (!schema) {
    schema = buildSchema(textLimit)
    schemas.set(textLimit, schema)
  }
  return schema
}

// Built once per text limit (a client's setting), not on every send.
const schemas = new Map<number, ReturnType<typeof buildSchema>>()

function buildSchema(textLimit: number) {
  return v.object(
    {
      conversation_id: conversationIdSchema,
      body: v.pipe(
        v.looseObject(
          {
            message: v.pipe(
              v.looseObject(
                {
                  message_type: integerAtLeast(0),
                  sub_type: v.optional(integerAtLeast(0)),
                  text: v.optional(stringRule),
                  message_client_id: v.optional(nonEmptyText),
                },
                objectMessage,
              ),
              v.forward(
                v.check(
                  (message) => !isTextOrTip(message) || (message.text ?? '').length > 0,
                  'must not be empty for a text or tip message',
                ),
                ['text'],
              ),
              v.forward(
                v.check(
                  (message) => (message.text ?? '').length <= (isTextOrTip(message) ? textLimit : 500),
                  (issue) =>
                    `at most ${isTextOrTip(issue.input as { message_type: number }) ? textLimit : 500} characters`,
                ),
                ['text'],
              ),
            ),
            extension: v.optional(stringRule),
            push_config: v.optional(
              v.looseObject(
                {
                  push_content: v.optional(limited(500)),
                  push_payload: jsonText(2048),
                  push_forcepush_ids: v.optional(
                    v.pipe(v.array(stringRule), v.maxLength(100, 'at most 100 account ids')),
                  ),
                  push_forcepush_content: v.optional(limited(500)),
                },
                objectMessage,
              ),
            ),
            antispam_config: v.optional(
              v.looseObject(
                { antispam_extension: jsonText(1024), antispam_cheating: jsonText(1024) },
                objectMessage,
              ),
            ),
          },
          objectMessage,
        ),
        v.check(
          (body) => !(body.sender_no_sense === true && body.receiver_no_sense === true),
          'sender_no_sense and receiver_no_sense must not both be true',
        ),
      ),
    },
    objectMessage,
  )
}
