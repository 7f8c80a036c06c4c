import type { FeishuEventV2 } from './feishu-event.js'

/**
 * The `event` of a `card.action.trigger` callback (a button, select or form on a card).
 * `token` lets the app update the card later; `context` names the message and chat.
 * @see https://open.feishu.cn/document/feishu-cards/card-callback-communication
 */
export interface CardActionTriggerEvent {
  operator: { tenant_key?: string; user_id?: string; open_id?: string; union_id?: string }
  token: string
  action: {
    value?: Record<string, unknown>
    tag: string
    option?: string
    timezone?: string
    name?: string
    form_value?: Record<string, unknown>
    input_value?: string
    options?: string[]
    checked?: boolean
  }
  host?: string
  delivery_type?: string
  context?: { url?: string; preview_token?: string; open_message_id?: string; open_chat_id?: string }
}

/**
 * The legacy message-card callback (消息卡片回传交互（旧）): a flat body without `schema`, signed
 * with sha1 over the verification token. Webhook-only.
 * @see https://open.feishu.cn/document/ukTMukTMukTM/uYzM3QjL2MzN04iNzcDN/configuring-card-callbacks/card-callback-structure
 */
export interface FeishuLegacyCardCallback {
  open_id: string
  user_id?: string
  tenant_key: string
  token: string
  open_message_id: string
  open_chat_id?: string
  action: { value: Record<string, unknown> | string; tag: string; option?: string; timezone?: string }
  [field: string]: unknown
}

/**
 * What `onCardAction` receives: a schema 2.0 `card.action.trigger` callback (has `schema`), or the
 * legacy card callback (has `open_message_id` at the top).
 * @see https://open.feishu.cn/document/feishu-cards/card-callback-communication
 */
export type FeishuCardAction = FeishuEventV2<CardActionTriggerEvent> | FeishuLegacyCardCallback

/**
 * What `onCardAction` may return, sent back as the HTTP response body: a toast shown to the user
 * and/or a card replacing the clicked one (`raw` card JSON or a `template`).
 * @see https://open.feishu.cn/document/feishu-cards/card-callback-communication
 */
export interface FeishuCardActionResponse {
  toast?: {
    type?: 'info' | 'success' | 'error' | 'warning'
    content: string
    i18n?: Record<string, string>
  }
  card?:
    | { type: 'raw'; data: Record<string, unknown> }
    | {
        type: 'template'
        data: {
          template_id: string
          template_variable?: Record<string, unknown>
          template_version_name?: string
        }
      }
  /** The legacy callback answers with the new card JSON itself; any other fields pass through. */
  [field: string]: unknown
}

/**
 * What an `onCardAction` handler returns: a response, or nothing (answered with `{}`).
 * @see https://open.feishu.cn/document/feishu-cards/card-callback-communication
 */
// biome-ignore lint/suspicious/noConfusingVoidType: lets `async () => {}` be a handler.
export type FeishuCardActionResult = FeishuCardActionResponse | void
