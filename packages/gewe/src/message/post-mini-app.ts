import { messageBody, text, webUrl } from './message-rules.js'

/**
 * Body of `POST /message/postMiniApp`: a mini-program card. Field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/发送小程序消息)
 */
export interface PostMiniAppBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** The mini program's AppID (`wx…`). */
  miniAppId: string
  /** Mini program name. */
  displayName: string
  /** Page it opens, e.g. `pages/index/index.html`. */
  pagePath: string
  /** Public http(s) URL of the cover image. */
  coverImgUrl: string
  /** Card title. */
  title: string
  /** Owning account, `gh_…@app`. */
  userName: string
}

/**
 * The rule `message.postMiniApp` checks its body with before sending.
 * @see https://doc.geweapi.com/ (消息模块/发送小程序消息)
 */
export const postMiniAppSchema = messageBody({
  miniAppId: text,
  displayName: text,
  pagePath: text,
  coverImgUrl: webUrl,
  title: text,
  userName: text,
})
