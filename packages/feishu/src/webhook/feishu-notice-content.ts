import type { Notice } from '@msg/core'

/**
 * A `Notice` as an im/v1 `post`: the title, one paragraph per line of text, and the link as its own
 * last paragraph. The content object is stringified by the caller.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export function feishuNoticePost(notice: Notice): { zh_cn: { title: string; content: unknown[][] } } {
  const content: unknown[][] = notice.text.split('\n').map((line) => [{ tag: 'text', text: line }])
  if (notice.url !== undefined) content.push([{ tag: 'a', text: notice.url, href: notice.url }])
  return { zh_cn: { title: notice.title ?? '', content } }
}
