// Size budget app for @msg/gewe/webhook: a ping → pong bot (secret check, lossless parse, dedupe,
// paced reply), bundled for the browser with every dependency.
import { createGewe } from '@msg/gewe'
import { createGeweWebhook } from '@msg/gewe/webhook'

const client = createGewe({ token: 'console-token', dangerouslyAllowBrowser: true })
export default createGeweWebhook({
  secret: 'callback-secret',
  client,
  onMessage: (message) => (message.text === 'ping' ? message.reply('pong').then(() => {}) : undefined),
})
