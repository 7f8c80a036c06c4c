import { messageBody, xmlText } from './message-rules.js'

/**
 * Body of `POST /message/forwardVideo`: a video again by the CDN info in its `xml`. Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/转发视频)
 */
export interface ForwardVideoBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** The video message XML (`<msg><videomsg aeskey=… cdnvideourl=… length=…/></msg>`). */
  xml: string
}

/**
 * The rule `message.forwardVideo` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/转发视频)
 */
export const forwardVideoSchema = messageBody({ xml: xmlText })
