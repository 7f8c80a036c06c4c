import { type CallOptions, nonEmptyText, randomUuid, type SentMessage, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { FeishuContext } from './feishu-context.js'
import { maxContentBytes, optionalFlag, uuidSchema } from './im/message.js'
import type { ReceiveIdType } from './im/message-create.js'
import { imMessagesPath, replyPath, sendImMessage } from './im/send-im-message.js'

/**
 * Who `sendText` writes to: exactly one id, plus `replyTo` (a message id) to answer a message
 * instead, optionally in its thread.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export type FeishuTarget = (
  | { chatId: string }
  | { openId: string }
  | { userId: string }
  | { unionId: string }
  | { email: string }
) & { replyTo?: string; replyInThread?: boolean }

const idTypes = {
  chatId: 'chat_id',
  openId: 'open_id',
  userId: 'user_id',
  unionId: 'union_id',
  email: 'email',
} as const satisfies Record<string, ReceiveIdType>

type IdField = keyof typeof idTypes

const idFieldsOf = (target: Record<string, unknown>) =>
  (Object.keys(idTypes) as IdField[]).filter((key) => target[key] !== undefined)

const optionalText = v.optional(nonEmptyText)

/** Checks a {@link FeishuTarget} and turns it into `receive_id_type`, `receive_id` and the reply fields. */
export const targetSchema = v.pipe(
  v.looseObject({
    chatId: optionalText,
    openId: optionalText,
    userId: optionalText,
    unionId: optionalText,
    email: optionalText,
    replyTo: optionalText,
    replyInThread: optionalFlag,
  }),
  v.check(
    (target) => idFieldsOf(target).length === 1,
    `needs exactly one id: ${Object.keys(idTypes).join(', ')}`,
  ),
  v.transform((target) => {
    // The check above leaves exactly one id field.
    const [field = 'chatId'] = idFieldsOf(target)
    return {
      receive_id_type: idTypes[field],
      receive_id: target[field] as string,
      replyTo: target.replyTo,
      replyInThread: target.replyInThread,
    }
  }),
)

const encoder = new TextEncoder()

const inputSchema = v.object({
  target: targetSchema,
  text: v.pipe(
    nonEmptyText,
    v.check(
      (text) => encoder.encode(JSON.stringify({ text })).length <= maxContentBytes,
      'at most 150 KB (UTF-8 bytes of the JSON content)',
    ),
  ),
  idempotencyKey: uuidSchema,
})

/**
 * Sends a text through im/v1 (create, or reply with `replyTo`) under one `uuid`
 * (`options.idempotencyKey`, else a fresh UUID v4) reused on every attempt, so 5xx and timeouts are
 * retried without risk of a duplicate. Checks the target and the text once, then sends unchecked.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export async function sendFeishuText(
  context: FeishuContext,
  target: FeishuTarget,
  text: string,
  options: CallOptions = {},
): Promise<SentMessage> {
  const checked = validateInput(
    inputSchema,
    { target, text, idempotencyKey: options.idempotencyKey },
    { vendor: 'feishu', operation: 'sendText' },
  )
  return sendToTarget(context, checked, 'text', JSON.stringify({ text }), options)
}

/**
 * Sends checked content to a checked target through im/v1 (create, or reply with `replyTo`) under one
 * `uuid` (the given key, else a fresh UUID v4) reused on every attempt.
 */
export function sendToTarget(
  context: FeishuContext,
  checked: { target: v.InferOutput<typeof targetSchema>; idempotencyKey?: string | undefined },
  msg_type: string,
  content: string,
  options: CallOptions,
): Promise<SentMessage> {
  const { receive_id_type, receive_id, replyTo, replyInThread } = checked.target
  const uuid = checked.idempotencyKey ?? randomUuid()
  return sendImMessage(
    context,
    replyTo === undefined
      ? {
          operation: 'im.message.create',
          path: imMessagesPath,
          query: { receive_id_type },
          body: { receive_id, msg_type, content, uuid },
        }
      : {
          operation: 'im.message.reply',
          path: replyPath(replyTo),
          body: { content, msg_type, reply_in_thread: replyInThread, uuid },
        },
    options,
  ).then((result) => ({
    vendor: 'feishu',
    messageId: result.data.message_id,
    requestId: result.requestId,
    raw: result.data,
  }))
}
