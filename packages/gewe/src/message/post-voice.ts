import { count, messageBody, webUrl } from './message-rules.js'

/**
 * Body of `POST /message/postVoice`: a voice note; GeWe takes SILK audio only. Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/发送语音消息)
 */
export interface PostVoiceBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** Public http(s) URL of a **SILK** file (GeWe accepts no other format). */
  voiceUrl: string
  /** Length in **milliseconds**. */
  voiceDuration: number
}

/**
 * The rule `message.postVoice` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/发送语音消息)
 */
export const postVoiceSchema = messageBody({ voiceUrl: webUrl, voiceDuration: count })
