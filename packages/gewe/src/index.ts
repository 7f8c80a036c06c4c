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
export type { ForwardFileBody } from './message/forward-file.js'
export type { ForwardImageBody } from './message/forward-image.js'
export type { ForwardMiniAppBody } from './message/forward-mini-app.js'
export type { ForwardUrlBody } from './message/forward-url.js'
export type { ForwardVideoBody } from './message/forward-video.js'
export type { PostAppMsgBody } from './message/post-app-msg.js'
export type { PostEmojiBody } from './message/post-emoji.js'
export type { PostFileBody } from './message/post-file.js'
export type { PostImageBody } from './message/post-image.js'
export type { PostLinkBody } from './message/post-link.js'
export type { GewePostData } from './message/post-message.js'
export type { PostMiniAppBody } from './message/post-mini-app.js'
export type { PostNameCardBody } from './message/post-name-card.js'
export type { PostTextBody, PostTextData } from './message/post-text.js'
export type { PostVideoBody } from './message/post-video.js'
export type { PostVoiceBody } from './message/post-voice.js'
export type { RevokeMsgBody } from './message/revoke-msg.js'
export { version } from './version.js'
