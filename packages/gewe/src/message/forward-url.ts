import { messageBody, xmlText } from './message-rules.js'

/**
 * Body of `POST /message/forwardUrl`: a link card again from its `xml`. Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/转发链接)
 */
export interface ForwardUrlBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** The link message XML (`<msg><appmsg>…<type>5</type>…</appmsg></msg>`). */
  xml: string
}

/**
 * The rule `message.forwardUrl` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/转发链接)
 */
export const forwardUrlSchema = messageBody({ xml: xmlText })
