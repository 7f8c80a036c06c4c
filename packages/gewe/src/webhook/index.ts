export {
  type GeweAddMsgCallback,
  type GeweAddMsgData,
  type GeweCallback,
  type GeweCallbackV1,
  type GeweCallbackV2,
  type GeweWrappedString,
  isGeweAddMsg,
} from './gewe-callback.js'
export {
  type GeweInboundMessage,
  type GeweReplyClient,
  geweMessageParties,
} from './gewe-inbound-message.js'
export { type GewePayload, readGewePayload } from './gewe-payload.js'
export type { GeweSecretIn, GeweSecretSettings } from './gewe-secret.js'
export { createGeweWebhook } from './gewe-webhook.js'
export type { GeweWebhookSettings } from './gewe-webhook-settings.js'
