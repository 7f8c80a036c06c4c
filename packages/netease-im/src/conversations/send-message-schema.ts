import * as v from 'valibot'
import { conversationIdSchema } from './conversation-id-schema.js'
import { antispamConfigSchema, messageSchema, objectMessage, pushConfigSchema } from './message-schema.js'

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
            message: messageSchema(textLimit),
            extension: v.optional(v.string('must be a string')),
            push_config: pushConfigSchema,
            antispam_config: antispamConfigSchema,
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
