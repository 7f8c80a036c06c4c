import { type CallOptions, randomUuid, type SentMessage, type TextChannel, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { FeishuContext } from './feishu-authorization.js'
import type { FeishuResult } from './feishu-envelope.js'
import { type ImMessage, requiredText } from './im/message.js'
import { imMessageCreate, type ReceiveIdType } from './im/message-create.js'
import { imMessageReply } from './im/message-reply.js'

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

const idTypes: Record<string, ReceiveIdType> = {
  chatId: 'chat_id',
  openId: 'open_id',
  userId: 'user_id',
  unionId: 'union_id',
  email: 'email',
}

const targetSchema = v.pipe(
  v.looseObject({
    replyTo: v.optional(requiredText),
    replyInThread: v.optional(v.boolean('must be a boolean')),
  }),
  v.check(
    (target) =>
      Object.keys(idTypes).filter((key) => typeof target[key] === 'string' && target[key] !== '').length ===
      1,
    'needs exactly one non-empty id: chatId, openId, userId, unionId or email',
  ),
)

const inputSchema = v.object({
  target: targetSchema,
  text: requiredText,
})

/**
 * Sends a text through im/v1 under one `uuid` (`options.idempotencyKey`, else a fresh UUID v4) that is
 * reused on every attempt, so 5xx and timeouts are retried without risk of a duplicate.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export async function sendText(
  context: FeishuContext,
  target: FeishuTarget,
  text: string,
  options: CallOptions = {},
): Promise<SentMessage> {
  const checked = validateInput(
    inputSchema,
    { target, text },
    { vendor: 'feishu', operation: 'sendText' },
  ).target
  const content = { text }
  const uuid = options.idempotencyKey ?? randomUuid()
  let result: FeishuResult<ImMessage>
  if (checked.replyTo !== undefined) {
    const data = { msg_type: 'text' as const, content, reply_in_thread: checked.replyInThread, uuid }
    result = await imMessageReply(context, { path: { message_id: checked.replyTo }, data }, options)
  } else {
    const [key, type] = Object.entries(idTypes).find(([name]) => typeof checked[name] === 'string') ?? []
    result = await imMessageCreate(
      context,
      {
        params: { receive_id_type: type as ReceiveIdType },
        data: { receive_id: checked[key as string] as string, msg_type: 'text', content, uuid },
      },
      options,
    )
  }
  return {
    vendor: 'feishu',
    messageId: result.data.message_id,
    requestId: result.requestId,
    raw: result.data,
  }
}

/**
 * A `TextChannel` bound to one target.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export function feishuChannel(context: FeishuContext, target: FeishuTarget): TextChannel {
  return { vendor: 'feishu', send: (text, options) => sendText(context, target, text, options) }
}
