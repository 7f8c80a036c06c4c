import { messageBody, xmlText } from './message-rules.js'

/**
 * Body of `POST /message/forwardImage`: an image again by the CDN info in its `xml` (no new upload). Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/转发图片)
 */
export interface ForwardImageBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** The image message XML (`<msg><img aeskey=… cdnmidimgurl=… length=… md5=…/></msg>`). */
  xml: string
}

/**
 * The rule `message.forwardImage` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/转发图片)
 */
export const forwardImageSchema = messageBody({ xml: xmlText })
