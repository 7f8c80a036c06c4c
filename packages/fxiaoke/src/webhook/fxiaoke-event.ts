/**
 * The parsed `content` of a `Message` push. Only `MsgType` (`text` or `event`) is known from
 * Fxiaoke's official demo; every other field arrives as pushed (integers beyond 2^53 as exact
 * strings) and is UNVERIFIED.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/controller/FSCallbackController.java
 */
export interface FxiaokeMessageContent {
  MsgType?: 'text' | 'event' | (string & {})
  [field: string]: unknown
}

/**
 * A verified, decrypted Fxiaoke push in Fxiaoke's own field names: `type` is `PermanentCode`,
 * `CancelPermanentCode` or `Message` (third-party apps also get `Code`), `content` the pushed
 * string (the permanent code, or for `Message` a JSON document). For `Message`, `message` is that
 * document parsed with exact 64-bit integers. Any other field is kept as pushed.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/beans/enums/RecMessageType.java
 */
export interface FxiaokeEvent {
  type: 'PermanentCode' | 'CancelPermanentCode' | 'Message' | 'Code' | (string & {})
  content: string
  /** For `type: 'Message'`: `content` parsed. */
  message?: FxiaokeMessageContent
  [field: string]: unknown
}

/**
 * The JSON body Fxiaoke POSTs to the callback URL: `content` is the encrypted push (base64),
 * `sig` its signature, `timeStamp` milliseconds since the epoch.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/beans/MsgReceiveParamVO.java
 */
export interface FxiaokePushBody {
  nonce: string
  timeStamp: string
  content: string
  sig: string
}
