// Size budget app for @msg/fxiaoke/webhook: a receiver that verifies, decrypts, dedupes and logs
// every push, bundled for the browser with every dependency.
import { createFxiaokeWebhook } from '@msg/fxiaoke/webhook'

export default createFxiaokeWebhook({
  token: 'token',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  onEvent: (event) => console.log(event.type, event.message?.MsgType),
})
