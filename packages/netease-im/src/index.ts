export {
  type ConversationIdParts,
  type ConversationType,
  conversationId,
} from './conversations/conversation-id.js'
export { maxBatchReceivers } from './conversations/max-batch-receivers.js'
export type {
  NeteaseImAudioAttachment,
  NeteaseImAudioMessage,
  NeteaseImCustomMessage,
  NeteaseImFileAttachment,
  NeteaseImFileFields,
  NeteaseImFileMessage,
  NeteaseImImageAttachment,
  NeteaseImImageMessage,
  NeteaseImLocationAttachment,
  NeteaseImLocationMessage,
  NeteaseImMessage,
  NeteaseImMessageAttachment,
  NeteaseImMessageBase,
  NeteaseImMessageType,
  NeteaseImTextMessage,
  NeteaseImVideoAttachment,
  NeteaseImVideoMessage,
} from './conversations/message-types.js'
export type { NeteaseImRecallOptions, NeteaseImRecallType } from './conversations/recall-message.js'
export type {
  NeteaseImBatchFailure,
  NeteaseImBatchMessagesBody,
  NeteaseImBatchResult,
  NeteaseImBatchSent,
  NeteaseImBatchSuccess,
} from './conversations/send-batch-messages-types.js'
export type {
  NeteaseImAntispamConfig,
  NeteaseImMessageConfig,
  NeteaseImP2pOption,
  NeteaseImPushConfig,
  NeteaseImRobotConfig,
  NeteaseImRouteConfig,
  NeteaseImSendMessageBody,
  NeteaseImSentMessage,
  NeteaseImSuperteamOption,
  NeteaseImTeamOption,
} from './conversations/send-message-types.js'
export { createCheckSum, createSignatureHeaders, type SignatureHeaders } from './netease-im-auth.js'
export { NeteaseImBatchSendError } from './netease-im-batch-send-error.js'
export { createNeteaseIm, type NeteaseImClient } from './netease-im-client.js'
export {
  type NeteaseImOptions,
  type NeteaseImProxySettings,
  type NeteaseImSettings,
  type NeteaseImSignedSettings,
  neteaseImBaseURL,
} from './netease-im-settings.js'
export type { NeteaseImTarget } from './netease-im-text-channel.js'
export { version } from './version.js'
