export { feishuNoticeCard } from '../im/notice-card.js'
export type {
  CardActionTriggerEvent,
  FeishuCardAction,
  FeishuCardActionResponse,
  FeishuCardActionResult,
  FeishuLegacyCardCallback,
} from './feishu-card-action.js'
export { decryptFeishu, encryptFeishu } from './feishu-cipher.js'
export type {
  FeishuEvent,
  FeishuEventHeader,
  FeishuEventV1,
  FeishuEventV2,
  FeishuUserIds,
  ImMessageReceiveEvent,
} from './feishu-event.js'
export type { FeishuInboundMessage, FeishuReplyClient } from './feishu-inbound-message.js'
export { feishuMessageText } from './feishu-message-text.js'
export { feishuLegacyCardSignature, feishuSignature } from './feishu-signature.js'
export { createFeishuWebhook } from './feishu-webhook.js'
export type { FeishuWebhookSettings } from './feishu-webhook-settings.js'
