import type { ValidationIssue } from '@msg/core'
import { maxCardBytes } from './card.js'
import { maxContentBytes } from './message.js'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isText = (value: unknown) => typeof value === 'string' && value !== ''

/** The string fields each `msg_type` needs in `content` (`post`, `interactive`, `system` are checked apart). */
const contentFields: Record<string, string[]> = {
  text: ['text'],
  post: [],
  image: ['image_key'],
  file: ['file_key'],
  audio: ['file_key'],
  media: ['file_key'],
  sticker: ['file_key'],
  interactive: [],
  share_chat: ['chat_id'],
  share_user: ['user_id'],
  system: [],
}

/** Each `post` node tag with the string fields it needs. */
const nodeFields: Record<string, string[]> = {
  text: ['text'],
  a: ['text', 'href'],
  at: ['user_id'],
  img: ['image_key'],
  media: ['file_key'],
  emotion: ['emoji_type'],
  hr: [],
  code_block: ['text'],
  md: ['text'],
}

const hasFields = (value: unknown, fields: string[] | undefined) =>
  isObject(value) && fields?.every((field) => typeof value[field] === 'string') === true

/** Which `msg_type` a file uploaded with this `file_type` must be sent as (Feishu answers 230055 otherwise). */
export const msgTypeForFileType = (fileType: string) =>
  fileType === 'opus' ? 'audio' : fileType === 'mp4' ? 'media' : 'file'

function postIssues(content: Json, issue: (path: string, message: string) => void): void {
  const locales = Object.entries(content)
  if (locales.length === 0) issue('', 'needs at least one language, e.g. zh_cn')
  for (const [locale, body] of locales) {
    const paragraphs = isObject(body) ? body.content : undefined
    if (!Array.isArray(paragraphs) || !paragraphs.every(Array.isArray)) {
      issue(`.${locale}.content`, 'must be a list of paragraphs, each a list of nodes')
      continue
    }
    paragraphs.forEach((nodes: unknown[], row) => {
      nodes.forEach((node, column) => {
        if (!hasFields(node, nodeFields[(node as { tag?: string } | null)?.tag as string])) {
          issue(
            `.${locale}.content[${row}][${column}]`,
            'must be a post node (text, a, at, img, media, emotion, hr, code_block or md) with its fields',
          )
        }
      })
    })
  }
}

function cardIssues(content: Json, issue: (path: string, message: string) => void): void {
  const data = isObject(content.data) ? content.data : {}
  if (content.type === 'template' || content.type === 'card') {
    const field = content.type === 'template' ? 'template_id' : 'card_id'
    if (!isText(data[field])) issue(`.data.${field}`, 'must be a non-empty string')
  } else if (
    content.type !== undefined ||
    content.schema !== '2.0' ||
    !Array.isArray((content.body as Json | undefined)?.elements)
  ) {
    issue(
      '',
      "must be a card JSON 2.0 object ({ schema: '2.0', body: { elements } }), { type: 'template', data: { template_id } } or { type: 'card', data: { card_id } }",
    )
  }
}

/**
 * Checks a message for `sendMessage` before anything is sent: the content's fields for its
 * `msg_type`, the size (UTF-8 bytes of the content JSON: `post` and `interactive` 30 KB, others
 * 150 KB), and for a `file_key` this client uploaded, its `file_type` against the `msg_type`.
 * Returns the issues (paths below `message`) and the content as the JSON string sent.
 */
export function checkFeishuMessage(
  message: unknown,
  uploadedFileType: (fileKey: string) => string | undefined,
): { issues: ValidationIssue[]; msg_type: string; content: string } {
  const issues: ValidationIssue[] = []
  const issue = (path: string, text: string) => issues.push({ path: `message.content${path}`, message: text })
  const { msg_type, content } = (isObject(message) ? message : {}) as { msg_type: string; content: unknown }
  const fields = contentFields[msg_type]
  if (fields === undefined) {
    issues.push({
      path: 'message.msg_type',
      message: `must be one of ${Object.keys(contentFields).join(', ')}`,
    })
    return { issues, msg_type, content: '' }
  }
  if (!isObject(content)) {
    issue('', 'must be an object (the client stringifies it)')
    return { issues, msg_type, content: '' }
  }
  for (const field of fields) if (!isText(content[field])) issue(`.${field}`, 'must be a non-empty string')
  if (msg_type === 'media' && content.image_key !== undefined && !isText(content.image_key)) {
    issue('.image_key', 'must be a non-empty string when given')
  }
  if (msg_type === 'post') postIssues(content, issue)
  if (msg_type === 'interactive') cardIssues(content, issue)
  const divider = (content.params as { divider_text?: { text?: unknown } } | undefined)?.divider_text
  if (msg_type === 'system' && (content.type !== 'divider' || !isText(divider?.text))) {
    issue('', "must be { type: 'divider', params: { divider_text: { text } } }")
  }
  const fileType =
    fields[0] === 'file_key' && msg_type !== 'sticker'
      ? uploadedFileType(content.file_key as string)
      : undefined
  if (fileType !== undefined && msgTypeForFileType(fileType) !== msg_type) {
    issue(
      '.file_key',
      `was uploaded as ${fileType}: opus goes as audio, mp4 as media, any other as file (Feishu code 230055)`,
    )
  }
  const json = JSON.stringify(content)
  const limit = msg_type === 'post' || msg_type === 'interactive' ? maxCardBytes : maxContentBytes
  if (issues.length === 0 && new TextEncoder().encode(json).length > limit) {
    issue('', `at most ${limit / 1024} KB (UTF-8 bytes of the JSON content)`)
  }
  return { issues, msg_type, content: json }
}
