import { nonEmptyText } from '@msg/core'
import * as v from 'valibot'
import { maxCardBytes } from './card.js'
import type { FeishuMessage } from './message-content.js'

const key = nonEmptyText
const object = v.looseObject
const kb = 1024

/** `post` and `interactive` content: at most 30 KB of UTF-8 JSON; every other type 150 KB. */
const limitOf = (msgType: string) =>
  msgType === 'post' || msgType === 'interactive' ? maxCardBytes : 150 * kb

const postNode = v.variant(
  'tag',
  [
    object({ tag: v.literal('text'), text: v.string() }),
    object({ tag: v.literal('a'), text: v.string(), href: nonEmptyText }),
    object({ tag: v.literal('at'), user_id: nonEmptyText }),
    object({ tag: v.literal('img'), image_key: key }),
    object({ tag: v.literal('media'), file_key: key, image_key: v.optional(key) }),
    object({ tag: v.literal('emotion'), emoji_type: nonEmptyText }),
    object({ tag: v.literal('hr') }),
    object({ tag: v.literal('code_block'), text: v.string() }),
    object({ tag: v.literal('md'), text: v.string() }),
  ],
  'must be a post node: text, a, at, img, media, emotion, hr, code_block or md',
)

const post = v.pipe(
  v.record(
    nonEmptyText,
    object({
      title: v.optional(v.string()),
      content: v.array(
        v.array(postNode, 'must be a paragraph (a list of nodes)'),
        'must be a list of paragraphs',
      ),
    }),
  ),
  v.check((content) => Object.keys(content).length > 0, 'needs at least one language, e.g. zh_cn'),
)

const card = v.union(
  [
    object({ type: v.literal('template'), data: object({ template_id: nonEmptyText }) }),
    object({ type: v.literal('card'), data: object({ card_id: nonEmptyText }) }),
    v.pipe(
      object({ type: v.optional(v.never()), body: object({ elements: v.array(v.unknown()) }) }),
      v.check((value) => (value as { schema?: unknown }).schema === '2.0', "schema must be '2.0'"),
    ),
  ],
  "must be a card JSON 2.0 object, { type: 'template', data: { template_id } } or { type: 'card', data: { card_id } }",
)

const system = object({
  type: v.literal('divider', "must be 'divider'"),
  params: object({ divider_text: object({ text: nonEmptyText }) }),
})

const fileKey = object({ file_key: key })

const variant = v.variant(
  'msg_type',
  [
    object({ msg_type: v.literal('text'), content: object({ text: nonEmptyText }) }),
    object({ msg_type: v.literal('post'), content: post }),
    object({ msg_type: v.literal('image'), content: object({ image_key: key }) }),
    object({ msg_type: v.literal('file'), content: fileKey }),
    object({ msg_type: v.literal('audio'), content: fileKey }),
    object({ msg_type: v.literal('media'), content: object({ file_key: key, image_key: v.optional(key) }) }),
    object({ msg_type: v.literal('sticker'), content: fileKey }),
    object({ msg_type: v.literal('interactive'), content: card }),
    object({ msg_type: v.literal('share_chat'), content: object({ chat_id: nonEmptyText }) }),
    object({ msg_type: v.literal('share_user'), content: object({ user_id: nonEmptyText }) }),
    object({ msg_type: v.literal('system'), content: system }),
  ],
  'must be one of text, post, image, file, audio, media, sticker, interactive, share_chat, share_user, system',
)

/** Which `msg_type` a file uploaded with this `file_type` must be sent as (Feishu answers 230055 otherwise). */
export const msgTypeForFileType = (fileType: string) =>
  fileType === 'opus' ? 'audio' : fileType === 'mp4' ? 'media' : 'file'

/**
 * The schema `sendMessage` checks a message with: the content's shape for its `msg_type`, the size
 * limit (UTF-8 bytes of the content JSON), and, for a `file_key` this client uploaded, the pairing
 * of its `file_type` with the `msg_type`. Outputs the wire form: `content` as a JSON string.
 */
export function feishuMessageSchema(uploadedFileType: (fileKey: string) => string | undefined) {
  return v.pipe(
    variant,
    v.forward(
      v.check((message) => {
        const fileKey = (message.content as { file_key?: string }).file_key
        const fileType = message.msg_type === 'sticker' || !fileKey ? undefined : uploadedFileType(fileKey)
        return fileType === undefined || msgTypeForFileType(fileType) === message.msg_type
      }, 'was uploaded with another file_type: opus goes as audio, mp4 as media, any other as file (Feishu code 230055)'),
      ['content', 'file_key'] as unknown as ['content'],
    ),
    v.transform((message) => ({ msg_type: message.msg_type, content: JSON.stringify(message.content) })),
    v.forward(
      v.check(
        (message) => new TextEncoder().encode(message.content).length <= limitOf(message.msg_type),
        (issue) =>
          `at most ${limitOf((issue.input as { msg_type: string }).msg_type) / kb} KB (UTF-8 bytes of the JSON content)`,
      ),
      ['content'],
    ),
  ) as v.GenericSchema<FeishuMessage, { msg_type: FeishuMessage['msg_type']; content: string }>
}
