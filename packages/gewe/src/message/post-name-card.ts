import { messageBody, text } from './message-rules.js'

/**
 * Body of `POST /message/postNameCard`: a contact card. Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/发送名片消息)
 */
export interface PostNameCardBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** Nickname shown on the card. */
  nickName: string
  /** wxid of the contact on the card. */
  nameCardWxid: string
}

/**
 * The rule `message.postNameCard` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/发送名片消息)
 */
export const postNameCardSchema = messageBody({ nickName: text, nameCardWxid: text })
