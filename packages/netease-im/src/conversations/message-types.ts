// `message` of the v2 send and batch-send bodies, one shape per `message_type`. The attachment keys
// of v2 are not documented key by key: v1 spells image/video sizes `w`/`h`, NetEase's v2 reference
// example `width`/`height`. Both are typed; the attachment is sent exactly as given.
// @see https://yunxin-im.apifox.cn/api-146885002

/**
 * A message type: 0 text, 1 image, 2 audio, 3 video, 4 location, 6 file, 10 tip, 100 custom.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export type NeteaseImMessageType = 0 | 1 | 2 | 3 | 4 | 6 | 10 | 100

/**
 * What every hosted-file attachment may carry. `md5` is the lowercase hex MD5 of the file
 * (`attachmentMd5(bytes)`), `size` its length in bytes.
 * @see https://doc.yunxin.163.com/messaging/server-apis/zQyNDM0NzE
 */
export interface NeteaseImFileFields {
  /** Where the file is hosted (NOS upload or any HTTPS host). */
  url: string
  md5?: string
  /** Bytes. */
  size?: number
  /** Extension without the dot, e.g. `jpg`. */
  ext?: string
  name?: string
  /** Keys newer than this package pass through unchanged. */
  [field: string]: unknown
}

/**
 * Image (`message_type: 1`) attachment. Pixel sizes as `width`/`height` (v2 example) or `w`/`h` (v1):
 * which spelling v2 stores is unverified, so whatever you set is sent.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export interface NeteaseImImageAttachment extends NeteaseImFileFields {
  width?: number
  height?: number
  w?: number
  h?: number
}

/**
 * Audio (`message_type: 2`) attachment: `dur` in milliseconds (v1 accepts `ext: 'aac'` only).
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export interface NeteaseImAudioAttachment extends NeteaseImFileFields {
  dur: number
}

/**
 * Video (`message_type: 3`) attachment: `dur` in milliseconds, pixel sizes as for an image.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export interface NeteaseImVideoAttachment extends NeteaseImImageAttachment {
  dur: number
}

/**
 * File (`message_type: 6`) attachment.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export type NeteaseImFileAttachment = NeteaseImFileFields

/**
 * Location (`message_type: 4`) attachment: `lat` −90…90, `lng` −180…180, `title` the place's name.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export interface NeteaseImLocationAttachment {
  title?: string
  lat: number
  lng: number
  [field: string]: unknown
}

/**
 * Any `message.attachment`; a custom message's attachment is your own JSON object.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export type NeteaseImMessageAttachment =
  | NeteaseImImageAttachment
  | NeteaseImAudioAttachment
  | NeteaseImVideoAttachment
  | NeteaseImLocationAttachment
  | NeteaseImFileAttachment
  | Record<string, unknown>

/**
 * Fields of every message type.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export interface NeteaseImMessageBase {
  /** Custom messages: a sub type > 0 (recommended). */
  sub_type?: number
  /** De-duplication id. The client fills it (idempotencyKey or a UUID) when missing. */
  message_client_id?: string
}

/** Text (0) or tip (10): `text` 1–`textLimit` characters. @see https://yunxin-im.apifox.cn/api-146885002 */
export interface NeteaseImTextMessage extends NeteaseImMessageBase {
  /** 0 is text: never dropped as falsy. */
  message_type: 0 | 10
  text: string
  attachment?: Record<string, unknown>
}

/** Fields of the types with an attachment: `text` is a searchable description of at most 500. */
interface WithAttachment<Type extends number, Attachment> extends NeteaseImMessageBase {
  message_type: Type
  text?: string
  attachment: Attachment
}

/** An image message. @see https://yunxin-im.apifox.cn/api-146885002 */
export type NeteaseImImageMessage = WithAttachment<1, NeteaseImImageAttachment>
/** An audio message. @see https://yunxin-im.apifox.cn/api-146885002 */
export type NeteaseImAudioMessage = WithAttachment<2, NeteaseImAudioAttachment>
/** A video message. @see https://yunxin-im.apifox.cn/api-146885002 */
export type NeteaseImVideoMessage = WithAttachment<3, NeteaseImVideoAttachment>
/** A location message. @see https://yunxin-im.apifox.cn/api-146885002 */
export type NeteaseImLocationMessage = WithAttachment<4, NeteaseImLocationAttachment>
/** A file message. @see https://yunxin-im.apifox.cn/api-146885002 */
export type NeteaseImFileMessage = WithAttachment<6, NeteaseImFileAttachment>
/** A custom message: `attachment` is your JSON object, `sub_type` tells your clients what it is. @see https://yunxin-im.apifox.cn/api-146885002 */
export type NeteaseImCustomMessage = WithAttachment<100, Record<string, unknown>>

/**
 * `message`, discriminated by `message_type`; every type except text and tip needs an attachment.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export type NeteaseImMessage =
  | NeteaseImTextMessage
  | NeteaseImImageMessage
  | NeteaseImAudioMessage
  | NeteaseImVideoMessage
  | NeteaseImLocationMessage
  | NeteaseImFileMessage
  | NeteaseImCustomMessage
