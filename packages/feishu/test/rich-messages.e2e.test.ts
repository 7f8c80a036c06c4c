// sendMessage over loopback HTTP: every msg_type lands with its content, replies, one message per uuid.
import { describe, expect, it } from 'vitest'
import type { FeishuMessage } from '../src/index.js'
import { client, fake, png, sends, serveFake } from './rich-fixture.js'

serveFake()

describe('sendMessage over loopback HTTP', () => {
  it('sends every msg_type, each landing in the fake with its parsed content', async () => {
    const { image_key } = await client().im.image.create({ data: { image_type: 'message', image: png } })
    const pdf = await client().im.file.create({ data: { file_type: 'pdf', file_name: 'a.pdf', file: png } })
    const opus = await client().im.file.create({
      data: { file_type: 'opus', file_name: 'a.opus', file: png },
    })
    const mp4 = await client().im.file.create({ data: { file_type: 'mp4', file_name: 'a.mp4', file: png } })
    const messages: FeishuMessage[] = [
      { msg_type: 'text', content: { text: 'hello' } },
      {
        msg_type: 'post',
        content: {
          zh_cn: {
            title: '标题',
            content: [
              [
                { tag: 'text', text: 'a ', style: ['bold'] },
                { tag: 'a', text: 'link', href: 'https://x.test' },
              ],
              [{ tag: 'img', image_key }],
            ],
          },
        },
      },
      { msg_type: 'image', content: { image_key } },
      { msg_type: 'file', content: { file_key: pdf.file_key } },
      { msg_type: 'audio', content: { file_key: opus.file_key } },
      { msg_type: 'media', content: { file_key: mp4.file_key, image_key } },
      { msg_type: 'sticker', content: { file_key: 'file_v2_received_sticker' } },
      {
        msg_type: 'interactive',
        content: {
          schema: '2.0',
          header: { title: { tag: 'plain_text', content: 'Deploy' }, template: 'green' },
          body: { elements: [{ tag: 'markdown', content: '**done**' }] },
        },
      },
      {
        msg_type: 'interactive',
        content: { type: 'template', data: { template_id: 'AAq1', template_variable: { name: 'x' } } },
      },
      { msg_type: 'interactive', content: { type: 'card', data: { card_id: '7355372766134157313' } } },
      { msg_type: 'share_chat', content: { chat_id: 'oc_shared' } },
      { msg_type: 'share_user', content: { user_id: 'ou_shared' } },
      {
        msg_type: 'system',
        content: {
          type: 'divider',
          params: { divider_text: { text: '新会话' } },
          options: { need_rollup: true },
        },
      },
    ]
    for (const message of messages) {
      const sent = await client().sendMessage({ chatId: 'oc_1' }, message)
      expect(sent).toMatchObject({ vendor: 'feishu', messageId: expect.stringMatching(/^om_/) })
    }
    expect(fake.inbox.map((entry) => [entry.msg_type, entry.parsed])).toEqual(
      messages.map((message) => [message.msg_type, message.content]),
    )
    expect(fake.inbox.every((entry) => entry.receive_id_type === 'chat_id' && entry.uuid)).toBe(true)
    expect(sends()[0]?.text).toBe(
      JSON.stringify({
        receive_id: 'oc_1',
        msg_type: 'text',
        content: '{"text":"hello"}',
        uuid: fake.inbox[0]?.uuid,
      }),
    )
  })

  it('replies with any msg_type through replyTo', async () => {
    const root = await client().sendText({ chatId: 'oc_1' }, 'root')
    const { image_key } = await client().im.image.create({ data: { image_type: 'message', image: png } })
    await client().sendMessage(
      { chatId: 'oc_1', replyTo: root.messageId ?? '' },
      { msg_type: 'image', content: { image_key } },
    )
    expect(fake.inbox[1]).toMatchObject({
      endpoint: 'im.message.reply',
      msg_type: 'image',
      parent_id: root.messageId,
      parsed: { image_key },
    })
  })

  it('keeps one message when a 500 interrupts a send: the retry reuses the uuid', async () => {
    fake.inject({ kind: 'server-error', delivered: true })
    const sent = await client().sendMessage(
      { openId: 'ou_a' },
      { msg_type: 'share_chat', content: { chat_id: 'oc_x' } },
    )
    expect(sends()).toHaveLength(2)
    const uuids = sends().map((request) => (request.body as { uuid: string }).uuid)
    expect(uuids[0]).toBe(uuids[1])
    expect(fake.inbox).toHaveLength(1)
    expect(sent.messageId).toBe(fake.inbox[0]?.message_id)
  })
})
