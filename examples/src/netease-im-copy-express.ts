// NetEase Yunxin's message copy (消息抄送) received with Express through toNodeListener: every
// verified copy is logged (ids exact), and a one-to-one "ping" gets "pong" back. Mount it before any
// body parser: the MD5 and CheckSum cover the raw body. Run: node examples/dist/netease-im-copy-express.js
//   NETEASE_IM_APP_KEY, NETEASE_IM_APP_SECRET  the app (the copy is signed with them; replies too)
//   PORT, NETEASE_IM_BASE_URL                  default 3000; optional: msg sandbox's NetEase URL
import { toNodeListener } from '@msg/core/node'
import { createNeteaseIm } from '@msg/netease-im'
import { createNeteaseImWebhook } from '@msg/netease-im/webhook'
import express from 'express'

const env = process.env
const credentials = { appKey: env.NETEASE_IM_APP_KEY ?? '', appSecret: env.NETEASE_IM_APP_SECRET ?? '' }
const webhook = createNeteaseImWebhook({
  ...credentials,
  client: createNeteaseIm({
    ...credentials,
    ...(env.NETEASE_IM_BASE_URL ? { baseURL: env.NETEASE_IM_BASE_URL } : {}),
  }),
  onEvent: (event) => console.error(`copy eventType ${event.eventType} ${event.msgidServer ?? ''}`),
  onMessage: async (message) => {
    if (message.text === 'ping') await message.reply('pong')
  },
})

const app = express()
app.post('/netease-im/events', toNodeListener(webhook))
const server = app.listen(Number(env.PORT ?? 3000), '127.0.0.1', () => {
  const { port } = server.address() as { port: number }
  console.log(`netease-im copy receiver on http://127.0.0.1:${port}/netease-im/events`)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close())
