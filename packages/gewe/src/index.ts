export type { PostPrivateLetterBody, PostPrivateLetterData } from './finder/post-private-letter.js'
export { createGewe, type GeweClient } from './gewe-client.js'
export { classifyGeweCode } from './gewe-error-codes.js'
export {
  defaultBaseURL,
  defaultMaxContentLength,
  type GewePacingSettings,
  type GeweSettings,
  type GeweTokenProvider,
} from './gewe-settings.js'
export type { GeweTarget } from './gewe-text-channel.js'
export type { PostTextBody, PostTextData } from './message/post-text.js'
export { version } from './version.js'
