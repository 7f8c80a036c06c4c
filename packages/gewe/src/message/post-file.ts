import { messageBody, text, webUrl } from './message-rules.js'

/**
 * Body of `POST /message/postFile`: a file, downloaded by GeWe from `fileUrl`. Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/发送文件消息)
 */
export interface PostFileBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** Public http(s) URL of the file; GeWe downloads it. */
  fileUrl: string
  /** File name shown in the chat, with its extension. */
  fileName: string
}

/**
 * The rule `message.postFile` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/发送文件消息)
 */
export const postFileSchema = messageBody({ fileUrl: webUrl, fileName: text })
