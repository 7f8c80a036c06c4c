import type { FxiaokePushInput } from './fxiaoke-deliver.js'

/**
 * A `Message` push whose content is `{ MsgType, ...fields }`, ready for `deliverFxiaokeEvent`.
 * Only `MsgType` (`text` or `event`) comes from Fxiaoke's demo: the other fields are yours to
 * choose. For an exact JSON text (a 64-bit integer literal), give `deliverFxiaokeEvent` a string `content`.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/controller/FSCallbackController.java
 */
export function fxiaokeMessageEvent(
  msgType: 'text' | 'event',
  fields: Record<string, unknown> = {},
): FxiaokePushInput {
  return { type: 'Message', content: JSON.stringify({ MsgType: msgType, ...fields }) }
}

/**
 * A `PermanentCode` push (an enterprise installed the app) or, with `cancel`, `CancelPermanentCode`.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/beans/enums/RecMessageType.java
 */
export function fxiaokePermanentCodeEvent(permanentCode: string, cancel = false): FxiaokePushInput {
  return { type: cancel ? 'CancelPermanentCode' : 'PermanentCode', content: permanentCode }
}
