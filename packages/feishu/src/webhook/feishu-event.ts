/**
 * The header of a schema 2.0 push. `create_time` is a millisecond timestamp as a string.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export interface FeishuEventHeader {
  event_id: string
  event_type: string
  create_time: string
  token: string
  app_id: string
  tenant_key: string
}

/**
 * A verified, decrypted schema 2.0 event, in Feishu's field names. `event` depends on `event_type`.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export interface FeishuEventV2<Event = Record<string, unknown>> {
  schema: '2.0'
  header: FeishuEventHeader
  event: Event
}

/**
 * A verified, decrypted schema 1.0 (legacy) event: `uuid` is its de-duplication id, `event.type`
 * its event type.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export interface FeishuEventV1 {
  ts: string
  uuid: string
  token: string
  type: 'event_callback'
  event: { type: string } & Record<string, unknown>
}

/**
 * Every event `onEvent` receives: schema 2.0, or the legacy schema 1.0.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export type FeishuEvent = FeishuEventV2 | FeishuEventV1

/**
 * Ids of a user: which of them are present depends on the app's permissions.
 * @see https://open.feishu.cn/document/home/user-identity-introduction/introduction
 */
export interface FeishuUserIds {
  union_id?: string
  user_id?: string
  open_id?: string
}

/**
 * `im.message.receive_v1`: a message sent to the bot (one-to-one) or mentioning it in a group.
 * `content` is a JSON string whose shape depends on `message_type`; mentions appear in it as
 * `@_user_N`, keyed in `mentions`.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/events/receive
 */
export interface ImMessageReceiveEvent {
  sender: { sender_id: FeishuUserIds; sender_type: string; tenant_key?: string }
  message: {
    message_id: string
    root_id?: string
    parent_id?: string
    create_time: string
    update_time?: string
    chat_id: string
    thread_id?: string
    chat_type: string
    message_type: string
    content: string
    mentions?: { key: string; id: FeishuUserIds; name: string; tenant_key?: string }[]
    user_agent?: string
  }
}
