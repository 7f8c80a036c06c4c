import { type ServedHandler, serve } from '@msg/core/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { feishuSandbox } from './index.js'

describe('feishuSandbox', () => {
  let served: ServedHandler | undefined
  afterEach(() => served?.close())

  it('sends the sample target a text through a client made for the served fake', async () => {
    const fake = feishuSandbox.createFake()
    served = await serve(fake.handle)
    const client = feishuSandbox.createClient(served.url, { retry: 0 })
    const sent = await client.sendText(feishuSandbox.target, 'hello sandbox')
    expect(feishuSandbox).toMatchObject({
      vendor: 'feishu',
      credentials: { appId: 'cli_sandbox', appSecret: 'sandbox-feishu-secret' },
      target: { chatId: 'oc_sandbox_chat' },
      basePath: '',
    })
    expect(sent).toMatchObject({ vendor: 'feishu', messageId: expect.stringMatching(/^om_/) })
    expect(fake.inbox).toMatchObject([{ text: 'hello sandbox', chat_id: 'oc_sandbox_chat' }])
  })
})

describe('feishuSandbox.inbound', () => {
  const servers: ServedHandler[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()))
  })

  it('pushes a signed user message to a webhook whose reply lands in the fake', async () => {
    const inbound = feishuSandbox.inbound!
    const fake = feishuSandbox.createFake()
    const api = await serve(fake.handle)
    servers.push(api)
    const heard: string[] = []
    const webhook = inbound.createWebhook({
      client: feishuSandbox.createClient(api.url, { retry: 0 }),
      onMessage: async (message) => {
        heard.push(`${message.chatId}:${message.text}`)
        await message.reply('pong')
      },
    })
    const hook = await serve(webhook.fetch)
    servers.push(hook)
    expect(await inbound.say(hook.url, 'ping')).toEqual({ status: 200 })
    expect(heard).toEqual(['oc_sandbox_chat:ping'])
    expect(fake.inbox).toMatchObject([{ endpoint: 'im.message.reply', text: 'pong' }])
  })

  it('a webhook with other secrets refuses the push: 401, no handler', async () => {
    const { createFeishuWebhook } = await import('../webhook/index.js')
    const heard: unknown[] = []
    const other = createFeishuWebhook({
      verificationToken: 'another-token',
      encryptKey: 'another-key',
      onMessage: (message) => void heard.push(message),
    })
    const hook = await serve(other.fetch)
    servers.push(hook)
    expect((await feishuSandbox.inbound!.say(hook.url, 'ping')).status).toBe(401)
    expect(heard).toEqual([])
  })
})
