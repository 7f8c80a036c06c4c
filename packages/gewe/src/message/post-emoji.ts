import { count, matching, messageBody } from './message-rules.js'

/**
 * Body of `POST /message/postEmoji`: a sticker WeChat already has, by its MD5 and size (from a received emoji message). Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/发送emoji消息)
 */
export interface PostEmojiBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** MD5 of the sticker (32 hex digits). */
  emojiMd5: string
  /** Size of the sticker in bytes. */
  emojiSize: number
}

/**
 * The rule `message.postEmoji` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/发送emoji消息)
 */
export const postEmojiSchema = messageBody({
  emojiMd5: matching(/^[\da-f]{32}$/i, 'must be 32 hex digits'),
  emojiSize: count,
})
