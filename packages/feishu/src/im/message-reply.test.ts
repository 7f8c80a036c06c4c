import { describe, expect, it } from 'vitest'
import { createFeishu } from '../feishu-client.js'
import { createFeishuFake } from '../testing/index.js'

describe('im.message.reply', () => {
  it('posts to the message path and returns root_id and parent_id', async () => {
    const fake = createFeishuFake()
    const client = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch })
    const root = await client.message.send({ chat_id: 'oc_1', msg_type: 'text', content: { text: 'root' } })
    const data = await client.im.message.reply({
      path: { message_id: root.message_id },
      data: { msg_type: 'text', content: { text: 'answer' }, uuid: 'r-1' },
    })
    const request = fake.requests.at(-1)
    expect(request?.path).toBe(`/open-apis/im/v1/messages/${root.message_id}/reply`)
    expect(request?.text).toBe('{"content":"{\\"text\\":\\"answer\\"}","msg_type":"text","uuid":"r-1"}')
    expect(data).toMatchObject({ root_id: root.message_id, parent_id: root.message_id, chat_id: 'oc_1' })
    expect(data.thread_id).toBeUndefined()
  })

  it('validates the path and the body before sending', async () => {
    const fake = createFeishuFake()
    const client = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch })
    const error = await client.im.message
      .reply({ path: { message_id: '' }, data: { msg_type: 'text', content: '' } })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({
      name: 'ValidationError',
      issues: [
        { path: 'path.message_id', message: 'must not be empty' },
        { path: 'data.content', message: 'must not be empty' },
      ],
    })
    expect(fake.requests).toHaveLength(0)
  })
})
