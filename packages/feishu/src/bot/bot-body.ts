import { nonEmptyText } from '@msg/core'
import * as v from 'valibot'

/**
 * One node of a rich-text (`post`) paragraph: `text`, `a`, `at`, `img`, `emotion`, `hr`, `code_block`
 * or `md`, in Feishu's own field names. Other tags pass through unchecked.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export type FeishuBotPostNode =
  | { tag: 'text'; text: string; un_escape?: boolean; style?: string[] }
  | { tag: 'a'; text: string; href: string; style?: string[] }
  | { tag: 'at'; user_id: string; style?: string[] }
  | { tag: 'img'; image_key: string }
  | { tag: 'emotion'; emoji_type: string }
  | { tag: 'hr' }
  | { tag: 'code_block'; language?: string; text: string }
  | { tag: 'md'; text: string }
  | { tag: string; [field: string]: unknown }

/**
 * A `post` body per locale (`zh_cn`, `en_us`, `ja_jp`, …): an optional title and paragraphs of nodes.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export type FeishuBotPost = Record<string, { title?: string; content: FeishuBotPostNode[][] }>

/**
 * What a custom bot accepts, exactly as its webhook takes it: `msg_type` with a `content` object, or
 * for cards `msg_type: 'interactive'` with the card at the top level under `card`. The bot adds
 * `timestamp` and `sign` itself when it has a secret.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export type FeishuBotBody =
  | { msg_type: 'text'; content: { text: string } }
  | { msg_type: 'post'; content: { post: FeishuBotPost } }
  | { msg_type: 'image'; content: { image_key: string } }
  | { msg_type: 'share_chat'; content: { share_chat_id: string } }
  | { msg_type: 'interactive'; card: Record<string, unknown> }

/**
 * The custom bot's limit on a request body: 20 KB, read here as 20 × 1024 bytes of UTF-8 JSON,
 * `timestamp` and `sign` included.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export const feishuBotMaxBodyBytes = 20 * 1024

const postNode = v.looseObject({ tag: nonEmptyText })
const postLocale = v.looseObject({
  title: v.optional(v.string('must be a string')),
  content: v.array(v.array(postNode, 'must be an array of nodes'), 'must be an array of paragraphs'),
})
const post = v.pipe(
  v.record(v.string(), postLocale, 'must map locales (zh_cn, en_us, …) to { title, content }'),
  v.check((value) => Object.keys(value).length > 0, 'must have at least one locale'),
)

/**
 * The schema `send` checks a body with, before anything leaves.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export const feishuBotBodySchema = v.variant(
  'msg_type',
  [
    v.looseObject({ msg_type: v.literal('text'), content: v.looseObject({ text: nonEmptyText }) }),
    v.looseObject({ msg_type: v.literal('post'), content: v.looseObject({ post }) }),
    v.looseObject({ msg_type: v.literal('image'), content: v.looseObject({ image_key: nonEmptyText }) }),
    v.looseObject({
      msg_type: v.literal('share_chat'),
      content: v.looseObject({ share_chat_id: nonEmptyText }),
    }),
    v.looseObject({
      msg_type: v.literal('interactive'),
      card: v.looseObject({}, 'must be the card JSON object'),
    }),
  ],
  "must be one of 'text', 'post', 'image', 'share_chat', 'interactive'",
)

/** What `timestamp` and `sign` add to a signed body: the same length as the real values. */
const signedFields = { timestamp: '0000000000', sign: '0'.repeat(44) }

/**
 * The UTF-8 size of the JSON the bot will send for `body` (with the signing fields when signed).
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export function feishuBotBodyBytes(body: object, signed: boolean): number {
  return new TextEncoder().encode(JSON.stringify(signed ? { ...signedFields, ...body } : body)).length
}
