import { randomHex } from '@msg/core'
import type { FeishuPushInput } from './feishu-deliver.js'

/**
 * Options of {@link feishuTextMessageEvent}.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/events/receive
 */
export interface FeishuTextMessageEventOptions {
  /** Default: a fresh `om_…` id. */
  messageId?: string
  /** Default `oc_fake_chat`. */
  chatId?: string
  /** Default `ou_fake_sender`. */
  senderOpenId?: string
  /** Mentions as they appear in `text` (`@_user_1`, …). */
  mentions?: { key: string; name: string; open_id: string }[]
  /** Default: a fresh random id. */
  eventId?: string
}

/**
 * An `im.message.receive_v1` event carrying a text message, ready for `deliverFeishuEvent`.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/events/receive
 */
export function feishuTextMessageEvent(
  text: string,
  options: FeishuTextMessageEventOptions = {},
): FeishuPushInput {
  const messageId = options.messageId ?? `om_${randomHex(16)}`
  const now = String(Date.now())
  return {
    event_type: 'im.message.receive_v1',
    ...(options.eventId ? { event_id: options.eventId } : {}),
    event: {
      sender: {
        sender_id: {
          open_id: options.senderOpenId ?? 'ou_fake_sender',
          union_id: 'on_fake',
          user_id: 'fake_user',
        },
        sender_type: 'user',
        tenant_key: 'fake_tenant',
      },
      message: {
        message_id: messageId,
        create_time: now,
        update_time: now,
        chat_id: options.chatId ?? 'oc_fake_chat',
        chat_type: 'p2p',
        message_type: 'text',
        content: JSON.stringify({ text }),
        ...(options.mentions
          ? {
              mentions: options.mentions.map(({ key, name, open_id }) => ({
                key,
                name,
                id: { open_id },
                tenant_key: 'fake_tenant',
              })),
            }
          : {}),
      },
    },
  }
}

/**
 * A `card.action.trigger` callback: a click on a card button whose `value` is given.
 * @see https://open.feishu.cn/document/feishu-cards/card-callback-communication
 */
export function feishuCardActionEvent(
  value: Record<string, unknown>,
  messageId = 'om_fake_card',
): FeishuPushInput {
  return {
    event_type: 'card.action.trigger',
    event: {
      operator: { tenant_key: 'fake_tenant', open_id: 'ou_fake_sender' },
      token: `c-${randomHex(16)}`,
      action: { value, tag: 'button' },
      host: 'im_message',
      context: { open_message_id: messageId, open_chat_id: 'oc_fake_chat' },
    },
  }
}
