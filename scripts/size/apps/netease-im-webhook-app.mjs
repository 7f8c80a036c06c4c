// Size budget app for @msg/netease-im/webhook: a receiver of the message copy (MD5 and CheckSum check,
// lossless parse, dedupe, onMessage) without a client, bundled for the browser with every dependency.
import { createNeteaseImWebhook } from '@msg/netease-im/webhook'

export default createNeteaseImWebhook({
  appKey: 'app-key',
  appSecret: 'app-secret',
  onMessage: (message) => console.log(message.senderId, message.text),
})
