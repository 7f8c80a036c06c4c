/** The fields every `message.send` body shares. */
interface FxiaokeMessageBase {
  /**
   * Recipient employee ids (`FSUID_…` openUserIds with `convertUserId: true` or in legacy mode).
   * Fxiaoke takes at most 500 per call; `message.send` sends longer lists in consecutive batches of 500.
   */
  toUser: readonly string[]
  /** Optional top-level flag: the ids in `toUser` are openUserIds. */
  convertUserId?: boolean
  /** Optional top-level flag on media ids (`articles[].coverImage`); its effect is undocumented. */
  convertMediaId?: boolean
}

/**
 * A text message: `{ msgType: 'text', text: { content } }`.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export interface FxiaokeTextMessage extends FxiaokeMessageBase {
  msgType: 'text'
  text: { content: string }
}

/**
 * The card of a composite message: a head title, optional content title, label/value rows and
 * summary, and a required link (an http(s) URL or an internal `fs://CRM/udobj?{…}` address).
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/compound/
 */
export interface FxiaokeComposite {
  head: { title: string }
  first?: { content: string }
  form?: readonly { label: string; value: string }[]
  remark?: { content: string }
  link: { title: string; url: string }
}

/**
 * A composite ("compound", card) message: `{ msgType: 'composite', composite }`.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/compound/
 */
export interface FxiaokeCompositeMessage extends FxiaokeMessageBase {
  msgType: 'composite'
  composite: FxiaokeComposite
}

/**
 * One image-text item: `title` ≤ 45 characters, `author` ≤ 8, `description` ≤ 140, `coverImage` a
 * media id from `media.upload`, `type` `TEXT` (`content` is the body) or `URL` (`content` is the link).
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/image/
 */
export interface FxiaokeArticle {
  title: string
  author?: string
  description?: string
  coverImage: string
  /** With `type: 'TEXT'`: show the cover in the body too (default false). */
  coverImageInContent?: boolean
  type: 'TEXT' | 'URL'
  content: string
}

/**
 * An image-text message of 1 to 7 articles: `{ msgType: 'articles', articles }`.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/image/
 */
export interface FxiaokeArticlesMessage extends FxiaokeMessageBase {
  msgType: 'articles'
  articles: readonly FxiaokeArticle[]
}

/**
 * Every body `message.send` takes, told apart by `msgType`; field names as Fxiaoke spells them.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/send/
 */
export type FxiaokeMessage = FxiaokeTextMessage | FxiaokeCompositeMessage | FxiaokeArticlesMessage
