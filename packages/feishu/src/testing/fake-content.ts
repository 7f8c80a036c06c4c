import { fakeMessages, feishuFailure, feishuJson } from './fake-wire.js'

/** What the fake knows of its uploads: image keys it issued, and each file key's `file_type`. */
export interface FakeUploadKeys {
  images: Set<string>
  files: Map<string, string>
}

const invalid = (ext: string) =>
  feishuJson({ code: 230001, msg: `Your request contains an invalid request parameter, ext=${ext}` }, 400)

const cardFailure = (cardCode: number, reason: string) =>
  feishuFailure(230099, `Failed to create card content, ext=ErrCode: ${cardCode}; ErrMsg: ${reason}`, 400)

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isText = (value: unknown): value is string => typeof value === 'string' && value !== ''

const pairing: Record<string, string> = { opus: 'audio', mp4: 'media' }

function checkFileKey(keys: FakeUploadKeys, msgType: string, content: Json): Response | undefined {
  const fileType = isText(content.file_key) ? keys.files.get(content.file_key) : undefined
  if (fileType === undefined) return invalid('invalid file_key')
  if ((pairing[fileType] ?? 'file') !== msgType) {
    return feishuFailure(230055, 'The type of file upload does not match the type of message.', 400)
  }
  if (content.image_key !== undefined && !keys.images.has(content.image_key as string)) {
    return invalid('invalid image_key')
  }
  return undefined
}

function checkCard(content: Json): Response | undefined {
  if (content.type === 'template') {
    return isObject(content.data) && isText(content.data.template_id)
      ? undefined
      : cardFailure(200380, 'template not exist')
  }
  if (content.type === 'card') {
    return isObject(content.data) && isText(content.data.card_id) ? undefined : invalid('invalid card_id')
  }
  const body = content.body
  const elements = isObject(body) ? body.elements : content.elements
  return Array.isArray(elements) ? undefined : cardFailure(200621, 'parse card json err')
}

function checkPost(content: Json): Response | undefined {
  const locales = Object.values(content)
  const valid =
    locales.length > 0 &&
    locales.every(
      (locale) =>
        isObject(locale) &&
        Array.isArray(locale.content) &&
        locale.content.every(
          (paragraph) =>
            Array.isArray(paragraph) && paragraph.every((node) => isObject(node) && isText(node.tag)),
        ),
    )
  return valid ? undefined : invalid('invalid post content')
}

/**
 * Checks an im/v1 `content` string for its `msg_type` like Feishu: JSON that parses to an object,
 * the fields of the type, image and file keys this fake issued (and the file's `file_type` matching
 * the `msg_type`, else 230055), cards that parse (else 230099), size (else 230025).
 * Returns the parsed content, or the failure to answer.
 */
export function checkContent(keys: FakeUploadKeys, msgType: string, text: string): Json | Response {
  let content: unknown
  try {
    content = JSON.parse(text)
  } catch {
    return invalid('content is not valid JSON')
  }
  if (!isObject(content)) return invalid('content must be a JSON object')
  const limit = msgType === 'post' || msgType === 'interactive' ? 30 * 1024 : 150 * 1024
  if (new TextEncoder().encode(text).length > limit)
    return feishuFailure(230025, fakeMessages[230025] ?? '', 400)
  const failure = ((): Response | undefined => {
    switch (msgType) {
      case 'text':
        return typeof content.text === 'string' ? undefined : invalid('text is required')
      case 'post':
        return checkPost(content)
      case 'image':
        return isText(content.image_key) && keys.images.has(content.image_key)
          ? undefined
          : invalid('invalid image_key')
      case 'file':
      case 'audio':
      case 'media':
        return checkFileKey(keys, msgType, content)
      case 'sticker':
        return isText(content.file_key) ? undefined : invalid('invalid file_key')
      case 'interactive':
        return checkCard(content)
      case 'share_chat':
        return isText(content.chat_id) ? undefined : invalid('invalid chat_id')
      case 'share_user':
        return isText(content.user_id) ? undefined : invalid('invalid user_id')
      case 'system': {
        const params = content.params as { divider_text?: { text?: unknown } } | undefined
        return content.type === 'divider' && isText(params?.divider_text?.text)
          ? undefined
          : invalid('invalid system message')
      }
      default:
        return invalid(`invalid msg_type '${msgType}'`)
    }
  })()
  return failure ?? content
}
