export {
  type ConversationIdParts,
  type ConversationType,
  conversationId,
} from './conversations/conversation-id.js'
export type {
  NeteaseImAntispamConfig,
  NeteaseImMessage,
  NeteaseImMessageAttachment,
  NeteaseImMessageConfig,
  NeteaseImMessageType,
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
