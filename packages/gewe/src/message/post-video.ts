import { count, messageBody, webUrl } from './message-rules.js'

/**
 * Body of `POST /message/postVideo`: a video, downloaded by GeWe from `videoUrl`; the reply carries CDN info for `forwardVideo`. Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/发送视频消息)
 */
export interface PostVideoBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** Public http(s) URL of the video; GeWe downloads it. */
  videoUrl: string
  /** Public http(s) URL of the cover image. */
  thumbUrl: string
  /** Play time in **seconds**. */
  videoDuration: number
}

/**
 * The rule `message.postVideo` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/发送视频消息)
 */
export const postVideoSchema = messageBody({ videoUrl: webUrl, thumbUrl: webUrl, videoDuration: count })
