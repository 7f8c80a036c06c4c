// Size budget app for @msg/feishu/webhook: a ping → pong bot (verify, decrypt, dedupe, reply), bundled
// for the browser with every dependency.
import { createFeishu } from '@msg/feishu'
import { createFeishuWebhook } from '@msg/feishu/webhook'

const client = createFeishu({ tenantAccessToken: 't-pre-issued' })
export default createFeishuWebhook({
  verificationToken: 'token',
  encryptKey: 'key',
  client,
  onMessage: (message) => (message.text === 'ping' ? message.reply('pong').then(() => {}) : undefined),
})
