import { type CallOptions, invalidInput, type SentMessage, validateInput } from '@msg/core'
import { type ConversationType, joinConversationId, targetSchema } from './conversations/conversation-id.js'
import { postConversationMessage } from './conversations/post-message.js'
import type { NeteaseImContext } from './netease-im-context.js'

/**
 * Who a text goes to: `from` is the sending account, `to` the receiving account (`p2p`) or team id.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export interface NeteaseImTarget {
  from: string
  to: string
  type: ConversationType
}

// The text as the full send-message check reports it (same operation, path and messages), without
// carrying the checks of every other message type: a string of 1 to `textLimit` characters.
function checkText(text: unknown, textLimit: number): void {
  const problem =
    typeof text !== 'string'
      ? 'must be a string'
      : text === ''
        ? 'must not be empty for a text or tip message'
        : text.length > textLimit
          ? `at most ${textLimit} characters`
          : ''
  if (problem)
    throw invalidInput({ vendor: 'netease-im', operation: 'conversation.sendMessage' }, [
      { path: 'body.message.text', message: problem },
    ])
}

/**
 * Sends a text message (`message_type: 0`) with a `message_client_id` (idempotencyKey or a UUID) that
 * every retry reuses. `messageId` is `message_server_id`; `requestId` the `X-custom-traceid`.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export async function sendNeteaseImText(
  context: NeteaseImContext,
  target: NeteaseImTarget,
  text: string,
  options?: CallOptions,
): Promise<SentMessage> {
  const valid = validateInput(targetSchema, target, { vendor: 'netease-im', operation: 'sendText' })
  checkText(text, context.textLimit)
  const { data, requestId } = await postConversationMessage(
    context,
    joinConversationId(valid.from, valid.type, valid.to),
    { message: { message_type: 0, text } },
    options,
  )
  return {
    vendor: 'netease-im',
    ...(data.message_server_id === undefined ? {} : { messageId: data.message_server_id }),
    requestId,
    raw: data,
  }
}
