import { describe, expect, it } from 'vitest'
import type { ImMessageReceiveEvent } from './feishu-event.js'
import { feishuMessageText } from './feishu-message-text.js'

type Message = ImMessageReceiveEvent['message']
const base: Message = {
  message_id: 'om_1',
  create_time: '1700000000000',
  chat_id: 'oc_1',
  chat_type: 'group',
  message_type: 'text',
  content: '',
}
const mentions = [{ key: '@_user_1', id: { open_id: 'ou_bot' }, name: 'Echo Bot' }]

describe('feishuMessageText', () => {
  it('reads a text message and resolves mentions to their names', () => {
    const content = JSON.stringify({ text: '@_user_1 ping @_all @_user_9' })
    expect(feishuMessageText({ ...base, content, mentions })).toBe('@Echo Bot ping @all @_user_9')
  })

  it('reads a post: title, then one line per paragraph with text, links and mentions', () => {
    const content = JSON.stringify({
      title: 'Deploy',
      content: [
        [
          { tag: 'at', user_id: '@_user_1', user_name: 'ignored' },
          { tag: 'text', text: ' done: ' },
          { tag: 'a', text: 'log', href: 'https://example.com' },
        ],
        [
          { tag: 'img', image_key: 'img_1' },
          { tag: 'text', text: 'second' },
        ],
      ],
    })
    expect(feishuMessageText({ ...base, message_type: 'post', content, mentions })).toBe(
      'Deploy\n@Echo Bot done: log\nsecond',
    )
  })

  it('reads a post wrapped in a locale key', () => {
    const content = JSON.stringify({ zh_cn: { title: '', content: [[{ tag: 'text', text: '你好' }]] } })
    expect(feishuMessageText({ ...base, message_type: 'post', content })).toBe('你好')
  })

  it('gives undefined for other message types and for content that is not JSON', () => {
    expect(
      feishuMessageText({ ...base, message_type: 'image', content: '{"image_key":"i"}' }),
    ).toBeUndefined()
    expect(feishuMessageText({ ...base, content: 'not json' })).toBeUndefined()
  })
})
