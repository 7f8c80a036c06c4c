import { messageBody, webUrl } from './message-rules.js'

/**
 * Body of `POST /message/postImage`: an image, downloaded by GeWe from `imgUrl`; the reply carries CDN info for `forwardImage`. Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/发送图片消息)
 */
export interface PostImageBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** Public http(s) URL of the image; GeWe downloads it. */
  imgUrl: string
}

/**
 * The rule `message.postImage` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/发送图片消息)
 */
export const postImageSchema = messageBody({ imgUrl: webUrl })
