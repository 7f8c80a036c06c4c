/**
 * A WeChat string field as GeWe wraps it: `{ "string": "…" }`.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export interface GeweWrappedString {
  string?: string
}

/**
 * `Data` of an `AddMsg` callback (a new message), field names as GeWe sends them. `MsgId` and
 * `NewMsgId` are exact decimal strings here (GeWe sends raw JSON numbers beyond 2^53).
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export interface GeweAddMsgData {
  MsgId: string
  /** The id to de-duplicate on, together with `Appid`. */
  NewMsgId: string
  /** The sender: a wxid, or a `…@chatroom` id for a group message. */
  FromUserName: GeweWrappedString
  ToUserName: GeweWrappedString
  /** 1 = text, 3 = image; other values are WeChat's own message types. */
  MsgType: number
  /** In a group, starts with `"<sender wxid>:\n"`. */
  Content: GeweWrappedString
  Status?: number
  ImgStatus?: number
  ImgBuf?: { iLen?: number; buffer?: string }
  /** Unix seconds. */
  CreateTime: number
  MsgSource?: string
  /** The notification line, e.g. `"昵称 : 123"`. */
  PushContent?: string
  MsgSeq?: number
  [field: string]: unknown
}

/**
 * A version 1 callback: `TypeName` says what happened (`AddMsg`, `ModContacts`, `DelContacts`,
 * `Offline`, …), `Appid` is the device and `Wxid` the account it belongs to. `Data` is absent on
 * `Offline`; on `AddMsg` it is a {@link GeweAddMsgData}.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export interface GeweCallbackV1<Data = Record<string, unknown>> {
  TypeName: string
  Appid: string
  Wxid?: string
  Data?: Data
  [field: string]: unknown
}

/**
 * A version 2 callback, passed through untouched except that `newMsgId` and `msgId` are exact
 * strings. Its field names are not confirmed against GeWe's v2 page, so only the ones used for
 * de-duplication (`appid`, `newMsgId`) are named.
 * @see https://doc.geweapi.com/doc-8680561
 */
export interface GeweCallbackV2 {
  appid: string
  newMsgId?: string
  msgId?: string
  [field: string]: unknown
}

/**
 * Every callback `onEvent` receives: version 1 (`TypeName`) or version 2 (flat, `appid`).
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export type GeweCallback = GeweCallbackV1 | GeweCallbackV2

/**
 * A version 1 `AddMsg` callback: a new message.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export type GeweAddMsgCallback = GeweCallbackV1<GeweAddMsgData> & { TypeName: 'AddMsg'; Data: GeweAddMsgData }

/**
 * True for a version 1 `AddMsg` callback.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export function isGeweAddMsg(callback: GeweCallback): callback is GeweAddMsgCallback {
  return callback.TypeName === 'AddMsg'
}
