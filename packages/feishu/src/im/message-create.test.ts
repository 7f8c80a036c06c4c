import { VendorError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createFeishu } from '../feishu-client.js'
import type { ImMessage } from '../index.js'
import { createFeishuFake } from '../testing/index.js'

function setup() {
  const fake = createFeishuFake()
  const client = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch })
  const creates = () => fake.requests.filter((request) => request.path === '/open-apis/im/v1/messages')
  return { fake, client, creates }
}

describe('im.message.create', () => {
  it('stringifies { text } content and returns the documented data', async () => {
    const { fake, client, creates } = setup()
    const data: ImMessage = await client.im.message.create({
      params: { receive_id_type: 'open_id' },
      data: { receive_id: 'ou_1', msg_type: 'text', content: { text: 'hi' }, uuid: 'u-1' },
    })
    expect(creates()[0]?.query).toEqual({ receive_id_type: 'open_id' })
    expect(creates()[0]?.text).toBe(
      '{"receive_id":"ou_1","msg_type":"text","content":"{\\"text\\":\\"hi\\"}","uuid":"u-1"}',
    )
    expect(data).toEqual({
      message_id: fake.inbox[0]?.message_id,
      msg_type: 'text',
      create_time: expect.stringMatching(/^\d+$/),
      update_time: expect.stringMatching(/^\d+$/),
      deleted: false,
      updated: false,
      chat_id: expect.stringMatching(/^oc_/),
      sender: { id: 'cli_fake_app', id_type: 'app_id', sender_type: 'app', tenant_key: 'fake_tenant' },
      body: { content: '{"text":"hi"}' },
    })
  })

  it('sends string content unchanged and keeps numeric timestamps as strings', async () => {
    const { client, creates } = setup()
    const post = JSON.stringify({ zh_cn: { title: 't', content: [[{ tag: 'text', text: 'x' }]] } })
    await client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_1', msg_type: 'post', content: post },
    })
    expect((creates()[0]!.body as { content: string }).content).toBe(post)
  })

  it('does not retry a 5xx without a uuid', async () => {
    const { fake, client, creates } = setup()
    fake.inject({ kind: 'server-error', status: 503 })
    const error = await client.im.message
      .create({
        params: { receive_id_type: 'chat_id' },
        data: { receive_id: 'oc_1', msg_type: 'text', content: { text: 'x' } },
      })
      .catch((caught: unknown) => caught)
    expect(VendorError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 503, delivery: 'unknown', code: 2200 })
    expect(creates()).toHaveLength(1)
  })

  it('retries a 5xx with a uuid and answers the same message', async () => {
    const { fake, client, creates } = setup()
    fake.inject({ kind: 'server-error', delivered: true }, { times: 2 })
    const data = await client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_1', msg_type: 'text', content: { text: 'x' }, uuid: 'same' },
    })
    expect(creates()).toHaveLength(3)
    expect(fake.inbox).toHaveLength(1)
    expect(data.message_id).toBe(fake.inbox[0]?.message_id)
  })

  it('names an unknown receive_id_type', async () => {
    const { fake, client } = setup()
    const error = await client.im.message
      .create({
        params: { receive_id_type: 'mobile' as never },
        data: { receive_id: 'x', msg_type: 'text', content: 'x' },
      })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({
      name: 'ValidationError',
      issues: [
        {
          path: 'params.receive_id_type',
          message: 'must be one of open_id, union_id, user_id, email, chat_id',
        },
      ],
    })
    expect(fake.requests).toHaveLength(0)
  })
})
