import { messageBody, webUrl, xmlText } from './message-rules.js'

/**
 * Body of `POST /message/forwardMiniApp`: a mini-program card again from its `xml`, with a cover image. Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/转发小程序)
 */
export interface ForwardMiniAppBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** The mini-program message XML (`<appmsg>` of type 33). */
  xml: string
  /** Public http(s) URL of the cover image. */
  coverImgUrl: string
}

/**
 * The rule `message.forwardMiniApp` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/转发小程序)
 */
export const forwardMiniAppSchema = messageBody({ xml: xmlText, coverImgUrl: webUrl })
