import type { ImMessageReceiveEvent } from './feishu-event.js'

type Mentions = NonNullable<ImMessageReceiveEvent['message']['mentions']>
type PostElement = { tag?: unknown; text?: unknown; user_id?: unknown; user_name?: unknown; href?: unknown }

function resolveMentions(text: string, mentions: Mentions): string {
  return text.replace(/@_user_\d+|@_all/g, (key) => {
    if (key === '@_all') return '@all'
    const name = mentions.find((mention) => mention.key === key)?.name
    return name === undefined ? key : `@${name}`
  })
}

function postElement(element: PostElement, mentions: Mentions): string {
  if (element.tag === 'text' || element.tag === 'a' || element.tag === 'code_block' || element.tag === 'md') {
    return typeof element.text === 'string' ? resolveMentions(element.text, mentions) : ''
  }
  if (element.tag === 'at') {
    if (element.user_id === 'all' || element.user_id === '@_all') return '@all'
    const byKey = mentions.find((mention) => mention.key === element.user_id)?.name
    const name = byKey ?? (typeof element.user_name === 'string' ? element.user_name : undefined)
    return name === undefined ? '' : `@${name}`
  }
  return ''
}

/** A received post is `{ title, content }`, or the same under a locale key such as `zh_cn`. */
function postBody(content: Record<string, unknown>): { title?: unknown; content?: unknown } {
  if (Array.isArray(content.content)) return content
  const locale = Object.values(content).find(
    (value) =>
      typeof value === 'object' && value !== null && Array.isArray((value as { content?: unknown }).content),
  )
  return (locale as { title?: unknown; content?: unknown } | undefined) ?? {}
}

function postText(content: Record<string, unknown>, mentions: Mentions): string {
  const post = postBody(content)
  const lines = Array.isArray(post.content)
    ? post.content.map((line: unknown) =>
        Array.isArray(line)
          ? line.map((element: PostElement) => postElement(element ?? {}, mentions)).join('')
          : '',
      )
    : []
  const title = typeof post.title === 'string' && post.title !== '' ? [post.title] : []
  return [...title, ...lines].join('\n')
}

/**
 * The plain text of a received `text` or `post` message, with `@_user_N` placeholders replaced by
 * `@name` from `mentions`; `undefined` for other message types and for content that is not JSON.
 * Posts give their title and one line per paragraph (text, links, mentions; images are dropped).
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/message_content
 */
export function feishuMessageText(message: ImMessageReceiveEvent['message']): string | undefined {
  if (message.message_type !== 'text' && message.message_type !== 'post') return undefined
  let content: unknown
  try {
    content = JSON.parse(message.content)
  } catch {
    return undefined
  }
  if (typeof content !== 'object' || content === null) return undefined
  const mentions = message.mentions ?? []
  if (message.message_type === 'post') return postText(content as Record<string, unknown>, mentions)
  const text = (content as { text?: unknown }).text
  return typeof text === 'string' ? resolveMentions(text, mentions) : undefined
}
