export { createFeishu, type FeishuClient } from './feishu-client.js'
export type { FeishuEnvelope } from './feishu-envelope.js'
export { classifyFeishuCode } from './feishu-error-codes.js'
export { mention, mentionAll } from './feishu-mention.js'
export type {
  FeishuAppCredentials,
  FeishuOptions,
  FeishuSettings,
  FeishuTokenCredentials,
} from './feishu-settings.js'
export type { FeishuTarget } from './feishu-text-channel.js'
export type { ImMessage, ImMessageType } from './im/message.js'
export type { ImMessageCreateRequest, ReceiveIdType } from './im/message-create.js'
export type { ImMessageReplyRequest } from './im/message-reply.js'
export type { MessageSendBody, MessageSendData } from './message/send.js'
export { version } from './version.js'
