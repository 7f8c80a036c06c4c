import { messageBody, xmlText } from './message-rules.js'

/**
 * Body of `POST /message/forwardFile`: a file again by the CDN info in its `xml`. Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/转发文件)
 */
export interface ForwardFileBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** The file message XML (`<msg><appmsg>…<type>6</type>…</appmsg></msg>`). */
  xml: string
}

/**
 * The rule `message.forwardFile` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/转发文件)
 */
export const forwardFileSchema = messageBody({ xml: xmlText })
