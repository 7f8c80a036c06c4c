export {
  BatchSendError,
  type FxiaokeBatchResult,
} from './fxiaoke-batch-send-error.js'
export { createFxiaoke, type FxiaokeClient } from './fxiaoke-client.js'
export { classifyFxiaokeCode } from './fxiaoke-error-codes.js'
export {
  type FxiaokeAccessTokenCredentials,
  type FxiaokeAppCredentials,
  type FxiaokeCloud,
  type FxiaokeCommonSettings,
  type FxiaokeSettings,
  fxiaokeCloudHosts,
} from './fxiaoke-settings.js'
export type {
  FxiaokeSentMessage,
  FxiaokeTarget,
} from './fxiaoke-text-channel.js'
export { maxMediaBytes, mediaIdFields } from './media/media-limits.js'
export type { FxiaokeMediaUpload, FxiaokeMediaUploadResult } from './media/upload.js'
export { maxArticles, maxRecipients } from './message/message-limits.js'
export type {
  FxiaokeArticle,
  FxiaokeArticlesMessage,
  FxiaokeComposite,
  FxiaokeCompositeMessage,
  FxiaokeMessage,
  FxiaokeTextMessage,
} from './message/message-types.js'
export type { FxiaokeSendResult } from './message/send.js'
export { version } from './version.js'
