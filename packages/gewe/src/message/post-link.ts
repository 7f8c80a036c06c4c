import { anyText, messageBody, text, webUrl } from './message-rules.js'

/**
 * Body of `POST /message/postLink`: a link card. Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/发送链接消息)
 */
export interface PostLinkBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** Card title. */
  title: string
  /** Card description (may be empty). */
  desc: string
  /** Where the card opens. */
  linkUrl: string
  /** Public http(s) URL of the thumbnail; GeWe downloads it. */
  thumbUrl: string
}

/**
 * The rule `message.postLink` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/发送链接消息)
 */
export const postLinkSchema = messageBody({
  title: text,
  desc: anyText,
  linkUrl: webUrl,
  thumbUrl: webUrl,
})
