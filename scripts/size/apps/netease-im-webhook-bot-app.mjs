// Size budget app for @msg/netease-im/webhook with replies: a ping → pong bot on the message copy
// (MD5 and CheckSum check, lossless parse, dedupe, reply through the client), bundled for the browser
// with every dependency.
import { createNeteaseIm } from '@msg/netease-im'
import { createNeteaseImWebhook } from '@msg/netease-im/webhook'

const client = createNeteaseIm({ baseURL: 'https://proxy.example/netease' })
export default createNeteaseImWebhook({
  appKey: 'app-key',
  appSecret: 'app-secret',
  client,
  onMessage: (message) => (message.text === 'ping' ? message.reply('pong').then(() => {}) : undefined),
})
