import { matching, messageBody } from './message-rules.js'

/**
 * Body of `POST /message/postAppMsg`: an `<appmsg>` XML node as found in a received message (quotes, music, Channels shares …). Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/发送appmsg消息)
 */
export interface PostAppMsgBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** The `<appmsg …>…</appmsg>` XML, as in a callback message. */
  appmsg: string
}

/**
 * The rule `message.postAppMsg` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/发送appmsg消息)
 */
export const postAppMsgSchema = messageBody({
  appmsg: matching(/^\s*<appmsg[\s>]/, 'must be an <appmsg> element'),
})
