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
export type {
  FeishuCard,
  FeishuCardContent,
  FeishuCardElement,
  FeishuCardEntity,
  FeishuCardTemplate,
} from './im/card.js'
export type { ImFileCreateData, ImFileCreateRequest, ImFileType } from './im/file-create.js'
export type { ImImageCreateData, ImImageCreateRequest } from './im/image-create.js'
export type { ImMessage, ImMessageType } from './im/message.js'
export type {
  FeishuMessage,
  PostContent,
  PostLocale,
  PostNode,
  PostStyle,
  SystemContent,
  TextContent,
} from './im/message-content.js'
export type { ImMessageCreateRequest, ReceiveIdType } from './im/message-create.js'
export type { ImMessageReplyRequest } from './im/message-reply.js'
export type { UploadBytes } from './im/upload.js'
export type { MessageSendBody, MessageSendData } from './message/send.js'
export { version } from './version.js'
