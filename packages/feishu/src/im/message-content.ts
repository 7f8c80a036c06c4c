import type { FeishuCardContent } from './card.js'

/**
 * `text`: `\n` breaks lines; `<at user_id="ou_…">name</at>` mentions (see `mention`).
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export interface TextContent {
  text: string
}

/**
 * One node of a `post` paragraph, in Feishu's tag names. `img` and `media` must each be a paragraph
 * of their own; `md` takes one or more paragraphs.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export type PostNode =
  | { tag: 'text'; text: string; un_escape?: boolean; style?: PostStyle[] }
  | { tag: 'a'; text: string; href: string; style?: PostStyle[] }
  | { tag: 'at'; user_id: string; style?: PostStyle[] }
  | { tag: 'img'; image_key: string }
  | { tag: 'media'; file_key: string; image_key?: string }
  | { tag: 'emotion'; emoji_type: string }
  | { tag: 'hr' }
  | { tag: 'code_block'; language?: string; text: string }
  | { tag: 'md'; text: string }

/**
 * A text style of a `post` node.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export type PostStyle = 'bold' | 'underline' | 'lineThrough' | 'italic'

/**
 * One language of a `post`: an optional title and paragraphs, each a list of nodes.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export interface PostLocale {
  title?: string
  content: PostNode[][]
}

/**
 * `post` (rich text): one entry per language, at least one (`zh_cn`, `en_us`, `ja_jp`, …).
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export type PostContent = Record<string, PostLocale>

/**
 * `system`: a divider line in a one-to-one chat (tenant token, scope `im:message:send_sys_msg`;
 * Feishu shows at most 20 characters, 10 CJK, of `divider_text`).
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export interface SystemContent {
  type: 'divider'
  params: { divider_text: { text: string; i18n_text?: Record<string, string> } }
  options?: { need_rollup?: boolean }
}

/**
 * What `sendMessage` sends: an im/v1 `msg_type` with its `content` as an object, which the client
 * stringifies. `file`, `audio` and `media` take a `file_key` uploaded with the matching `file_type`
 * (opus → audio, mp4 → media, anything else → file); `sticker` a key from a received sticker.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export type FeishuMessage =
  | { msg_type: 'text'; content: TextContent }
  | { msg_type: 'post'; content: PostContent }
  | { msg_type: 'image'; content: { image_key: string } }
  | { msg_type: 'file'; content: { file_key: string } }
  | { msg_type: 'audio'; content: { file_key: string } }
  | { msg_type: 'media'; content: { file_key: string; image_key?: string } }
  | { msg_type: 'sticker'; content: { file_key: string } }
  | { msg_type: 'interactive'; content: FeishuCardContent }
  | { msg_type: 'share_chat'; content: { chat_id: string } }
  | { msg_type: 'share_user'; content: { user_id: string } }
  | { msg_type: 'system'; content: SystemContent }
