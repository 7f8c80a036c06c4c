export type {
  NeteaseImConversationMessageCopy,
  NeteaseImCopyEvent,
  NeteaseImLoginCopy,
} from './netease-im-copy-event.js'
export { neteaseImCopyEventTypes } from './netease-im-copy-event.js'
export { neteaseImCopyCheckSum } from './netease-im-copy-signature.js'
export { type NeteaseImInboundMessage, neteaseImCopyChatId } from './netease-im-inbound-message.js'
export { createNeteaseImWebhook } from './netease-im-webhook.js'
export type { NeteaseImWebhookSettings } from './netease-im-webhook-settings.js'
