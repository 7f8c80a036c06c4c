import { type PushAttempt, pushWithRetries, randomHex } from '@msg/core'
import { encryptFxiaoke } from '../webhook/fxiaoke-cipher.js'
import type { FxiaokePushBody } from '../webhook/fxiaoke-event.js'
import { fxiaokeSignature } from '../webhook/fxiaoke-signature.js'

/**
 * What to push: the decrypted document `{ type, content }`. An object `content` is serialised
 * with `JSON.stringify`; pass a string to control the exact JSON (e.g. a 64-bit integer literal).
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/beans/RecMessageBody.java
 */
export interface FxiaokePushInput {
  type: string
  content: string | Record<string, unknown>
}

/**
 * How to push: the app's secrets and the retry behaviour. Fxiaoke's demo says a push not answered
 * `success` within 3 s is retried once; the wait before that retry is not documented.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/controller/FSCallbackController.java
 */
export interface FxiaokeDeliverOptions {
  token: string
  encodingAesKey: string
  /** Appended after the message inside the encrypted content. Default: nothing. */
  receiverId?: string
  /** Re-pushes after a failed attempt. Default 1. */
  retries?: number
  /** Wait before each re-push, in ms. Default 0 (undocumented). */
  retryDelayMs?: number
  /** An attempt not answered within this is a failure, as Fxiaoke's 3 s limit. Default 3000. */
  timeoutMs?: number
  fetch?: typeof fetch
  /** The clock (ms) for `timeStamp`. */
  now?: () => number
  signal?: AbortSignal
}

/**
 * One push as Fxiaoke would send it: the JSON body and the plaintext before encryption.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/beans/MsgReceiveParamVO.java
 */
export interface FxiaokePush {
  body: string
  fields: FxiaokePushBody
  plaintext: string
}

/**
 * The outcome of {@link deliverFxiaokeEvent}: `delivered` once an attempt got HTTP 200 `success`.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/controller/FSCallbackController.java
 */
export interface FxiaokeDelivery {
  delivered: boolean
  attempts: PushAttempt[]
  push: FxiaokePush
}

/**
 * Builds one push as Fxiaoke's demo describes it: `{ type, content }` encrypted (random 16 bytes,
 * big-endian length, message, receiver id, 32-byte PKCS#7 padding, AES-256-CBC), then signed with
 * `sha1` over the sorted token, `timeStamp` (ms), `nonce` and ciphertext.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/utils/SigUtils.java
 */
export async function buildFxiaokePush(
  input: FxiaokePushInput,
  options: FxiaokeDeliverOptions,
): Promise<FxiaokePush> {
  const content = typeof input.content === 'string' ? input.content : JSON.stringify(input.content)
  const plaintext = JSON.stringify({ type: input.type, content })
  const encrypted = await encryptFxiaoke(options.encodingAesKey, plaintext, {
    receiverId: options.receiverId,
  })
  const timeStamp = String((options.now ?? Date.now)())
  const nonce = randomHex(8)
  const sig = await fxiaokeSignature(options.token, timeStamp, nonce, encrypted)
  const fields = { nonce, timeStamp, content: encrypted, sig }
  return { body: JSON.stringify(fields), fields, plaintext }
}

/**
 * Pushes to `url` like Fxiaoke: one signed, encrypted POST, and the same request once more when
 * the answer is not HTTP 200 with the body `success` within `timeoutMs` (whether Fxiaoke re-signs
 * a retry is not documented; this kit resends the same bytes).
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/controller/FSCallbackController.java
 */
export async function deliverFxiaokeEvent(
  url: string,
  input: FxiaokePushInput,
  options: FxiaokeDeliverOptions,
): Promise<FxiaokeDelivery> {
  const push = await buildFxiaokePush(input, options)
  const delivery = await pushWithRetries(url, {
    request: async () => ({
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: push.body,
    }),
    accepted: (status, text) => status === 200 && text === 'success',
    retries: options.retries ?? 1,
    waitMs: () => options.retryDelayMs ?? 0,
    timeoutMs: options.timeoutMs ?? 3000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  return { ...delivery, push }
}

/**
 * `fake.deliver(url, event, options)`: the fake pushing like Fxiaoke, i.e. {@link deliverFxiaokeEvent}.
 * @see https://github.com/openfxiaoke/demo/blob/master/fs-open-demo/src/main/java/com/facishare/open/demo/controller/FSCallbackController.java
 */
export type FxiaokeFakeDeliver = typeof deliverFxiaokeEvent
