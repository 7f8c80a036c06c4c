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
export type { FxiaokeSendResult, FxiaokeTextMessage } from './message/send.js'
export { version } from './version.js'
