// The same Feishu echo bot on Hono with Node: POST /feishu/events. Run: node examples/dist/feishu-echo-hono.js
//   FEISHU_VERIFICATION_TOKEN, FEISHU_ENCRYPT_KEY, FEISHU_APP_ID, FEISHU_APP_SECRET  as in feishu-echo-worker.ts
//   PORT             default 3000
//   FEISHU_BASE_URL  optional: msg sandbox's Feishu URL, to try it locally

import { serve } from '@hono/node-server'
import { createFeishu } from '@msg/feishu'
import { createFeishuWebhook } from '@msg/feishu/webhook'
import { Hono } from 'hono'

const env = process.env
const webhook = createFeishuWebhook({
  verificationToken: env.FEISHU_VERIFICATION_TOKEN ?? '',
  ...(env.FEISHU_ENCRYPT_KEY ? { encryptKey: env.FEISHU_ENCRYPT_KEY } : {}),
  client: createFeishu({
    appId: env.FEISHU_APP_ID ?? '',
    appSecret: env.FEISHU_APP_SECRET ?? '',
    ...(env.FEISHU_BASE_URL ? { baseURL: env.FEISHU_BASE_URL } : {}),
  }),
  onMessage: async (message) => {
    await message.reply(message.text === 'ping' ? 'pong' : `echo: ${message.text ?? '(no text)'}`)
  },
})

const app = new Hono()
app.post('/feishu/events', (c) => webhook.fetch(c.req.raw))
const server = serve({ fetch: app.fetch, port: Number(env.PORT ?? 3000), hostname: '127.0.0.1' }, (info) =>
  console.log(`feishu echo bot on http://127.0.0.1:${info.port}/feishu/events`),
)
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close())
