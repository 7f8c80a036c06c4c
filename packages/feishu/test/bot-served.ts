// Shared by the custom-bot end-to-end tests: a fake bot served on 127.0.0.1 per test, closed after it.
import { createHmac } from 'node:crypto'
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterEach } from 'vitest'
import type { FeishuBotBody, FeishuBotSettings } from '../src/bot/index.js'
import { createFeishuBotFake, type FeishuBotFakeOptions } from '../src/testing/index.js'

export const token = 'b1f2c3d4-e5f6-4711-8899-aabbccddeeff'
export const secret = 'qF9xZkT1mV2pL8sN4wR7yH'
const servers: ServedHandler[] = []

/** A fake bot served on 127.0.0.1, and settings pointing a bot at it (pacing off). */
export async function servedBot(options: FeishuBotFakeOptions = {}) {
  const fake = createFeishuBotFake({ token, ...options })
  const served = await serve(fake.handle)
  servers.push(served)
  const settings = { webhook: fake.webhook, baseURL: served.url, pacing: false } satisfies FeishuBotSettings
  return { fake, settings, url: served.url }
}

/** Serves any handler on 127.0.0.1 until the test ends. */
export async function served(handler: (request: Request) => Promise<Response>) {
  const server = await serve(handler)
  servers.push(server)
  return server
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** The guide's signature, computed independently with node:crypto: HMAC keyed by `ts\nsecret` over "". */
export const guideSign = (timestamp: string, key: string) =>
  createHmac('sha256', `${timestamp}\n${key}`).update('').digest('base64')

export const textBody = (text: string): FeishuBotBody => ({ msg_type: 'text', content: { text } })

/** One body of each msg_type, as the guide shows them. */
export const bodies: FeishuBotBody[] = [
  { msg_type: 'text', content: { text: '告警: disk 95% <at user_id="all"></at>' } },
  {
    msg_type: 'post',
    content: {
      post: {
        zh_cn: {
          title: '项目更新通知',
          content: [
            [
              { tag: 'text', text: '项目有更新: ' },
              { tag: 'a', text: '请查看', href: 'http://www.example.com/' },
            ],
            [{ tag: 'at', user_id: 'ou_18eac8' }],
          ],
        },
      },
    },
  },
  { msg_type: 'image', content: { image_key: 'img_ecffc3b9-8f14-400f-a014-05eca1a4310g' } },
  { msg_type: 'share_chat', content: { share_chat_id: 'oc_f5b1a7eb27ae2c7b6adc2a74faf339ff' } },
  {
    msg_type: 'interactive',
    card: {
      schema: '2.0',
      header: { title: { tag: 'plain_text', content: 'Deploy' }, template: 'green' },
      body: { elements: [{ tag: 'markdown', content: '**done**' }] },
    },
  },
]
