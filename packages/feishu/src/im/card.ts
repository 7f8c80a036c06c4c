/**
 * A card in JSON 2.0, sent as it is (no template variables in this form). Only the outline is
 * typed; every component Feishu documents passes through unchanged.
 * @see https://open.feishu.cn/document/feishu-cards/card-json-v2-structure
 */
export interface FeishuCard {
  schema: '2.0'
  config?: Record<string, unknown>
  card_link?: Record<string, unknown>
  header?: {
    title: { tag: 'plain_text' | 'lark_md'; content: string }
    subtitle?: { tag: 'plain_text' | 'lark_md'; content: string }
    /** The header colour: `blue`, `wathet`, `turquoise`, `green`, `yellow`, `orange`, `red`, … */
    template?: string
    [field: string]: unknown
  }
  body: { elements: FeishuCardElement[]; [field: string]: unknown }
  [field: string]: unknown
}

/**
 * One component of a card body (`markdown`, `button`, `img`, `column_set`, …) in Feishu's names.
 * @see https://open.feishu.cn/document/feishu-cards/card-json-v2-components/component-json-v2-overview
 */
export interface FeishuCardElement {
  tag: string
  [field: string]: unknown
}

/**
 * A card built in the card builder, by id; the latest published version unless `template_version_name`
 * is given. The template's data counts toward the 30 KB limit.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export interface FeishuCardTemplate {
  type: 'template'
  data: {
    template_id: string
    template_version_name?: string
    template_variable?: Record<string, unknown>
  }
}

/**
 * A card entity created with cardkit (`POST /open-apis/cardkit/v1/cards`), by id: JSON 2.0 only,
 * sendable once, valid 14 days.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export interface FeishuCardEntity {
  type: 'card'
  data: { card_id: string }
}

/**
 * The content of an `interactive` message, in any of its three forms.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export type FeishuCardContent = FeishuCard | FeishuCardTemplate | FeishuCardEntity

/**
 * Largest `content` of an `interactive` (and a `post`) message: 30 KB, counted in UTF-8 bytes of its JSON.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export const maxCardBytes = 30 * 1024
