import type { Notice } from '@msg/core'
import type { FeishuCard } from './card.js'

/**
 * A `Notice` as an `interactive` card (JSON 2.0): the title as the header, the text as a markdown
 * element, and a button (labelled `buttonText`) opening the url when there is one. The one renderer
 * behind the text channel's notices, webhook replies and the custom bot's notices.
 * @see https://open.feishu.cn/document/feishu-cards/card-json-v2-structure
 */
export function feishuNoticeCard(notice: Notice, buttonText = 'Open'): FeishuCard {
  const elements: FeishuCard['body']['elements'] = [{ tag: 'markdown', content: notice.text }]
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
