import type { WebhookDispatchSettings } from '@msg/core'
import type { FxiaokeEvent } from './fxiaoke-event.js'

/**
 * Everything `createFxiaokeWebhook` takes. `token` and `encodingAesKey` are the app's Token and
 * EncodingAESKey from the Fxiaoke open platform's callback settings. The scheme follows Fxiaoke's
 * official Java demo (2015) and is UNVERIFIED against today's platform: each guess is a setting.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/controller/FSCallbackController.java
 */
export interface FxiaokeWebhookSettings extends WebhookDispatchSettings {
  /** Signs every push: `sig = sha1(sorted(token, timeStamp, nonce, content))`, compared in constant time. */
  token: string
  /** 43 base64 characters; `base64decode(encodingAesKey + "=")` is the AES-256 key, its first 16 bytes the IV. */
  encodingAesKey: string
  /** Every verified push, decrypted, in Fxiaoke's field names. */
  onEvent: (event: FxiaokeEvent) => Promise<void> | void
  /**
   * When set, the bytes after the message in the decrypted content (where WeCom-style schemes put
   * the receiving app's or corp's id) must equal it, else 401. Default: not checked, as the demo
   * does not check them (UNVERIFIED what Fxiaoke puts there).
   */
  receiverId?: string
  /**
   * Largest accepted distance between `timeStamp` (milliseconds) and now, in seconds. Default 500,
   * what the demo's code allows (its comment says 50 s; the real window is UNVERIFIED).
   */
  timestampToleranceSeconds?: number
  /**
   * The de-duplication id of an event. Fxiaoke documents none, so by default it is the SHA-256 of
   * the encrypted `content`: a re-push of the same bytes is a duplicate. If re-pushes turn out to be
   * re-encrypted, return an id from the event here (`undefined` falls back to the hash).
   */
  dedupeKey?: (event: FxiaokeEvent) => string | undefined
  /** How long handled events are remembered, in ms. Default 1 h (longer than the timestamp window). */
  dedupeTtlMs?: number
  /** The clock (ms), for tests. */
  now?: () => number
}
