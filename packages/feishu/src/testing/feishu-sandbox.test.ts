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
