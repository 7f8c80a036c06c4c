import type { Notice } from '@msg/core'

/**
 * A `Notice` as a card (JSON 2.0) for the custom bot: the title as a blue header, the text as card
 * markdown, and the link as a button that opens it (the only interaction a custom bot's card has).
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export function feishuBotNoticeCard(notice: Notice, buttonText = 'Open'): Record<string, unknown> {
  const elements: unknown[] = [{ tag: 'markdown', content: notice.text }]
  if (notice.url !== undefined) {
    elements.push({
      tag: 'button',
      text: { tag: 'plain_text', content: buttonText },
      type: 'primary',
      behaviors: [{ type: 'open_url', default_url: notice.url }],
    })
  }
  return {
    schema: '2.0',
    ...(notice.title === undefined
      ? {}
      : { header: { title: { tag: 'plain_text', content: notice.title }, template: 'blue' } }),
    body: { elements },
  }
}
