import type { CallOptions } from '@msg/core'
import * as v from 'valibot'
import type { GeweContext } from '../gewe-context.js'
import { count, matching, messageBody } from './message-rules.js'
import { postMessage } from './post-message.js'

/**
 * Body of `POST /message/revokeMsg`: the three values a send returned. GeWe takes them as
 * **strings**; `msgId` and `createTime` may also be given as the safe integers a reply carries
 * (`createTime: null` is left out). `newMsgId` must be the exact string, since a JavaScript
 * number cannot hold it. Spreading a send's result works: `revokeMsg({ appId, ...sent })`.
 * @see https://doc.geweapi.com/ (消息模块/撤回消息)
 */
export interface RevokeMsgBody {
  /** Device ID. */
  appId: string
  /** The chat the message went to. */
  toWxid: string
  /** `msgId` from the send. */
  msgId: string | number
  /** `newMsgId` from the send, as the exact decimal string. */
  newMsgId: string
  /** `createTime` from the send (Unix seconds). */
  createTime?: string | number | null
}

const digits = matching(/^\d+$/, 'must be decimal digits')
const safeDigits = v.union([digits, v.pipe(count, v.transform(String))], 'must be decimal digits')

// A `null` createTime becomes `undefined`, which JSON leaves out.
const bodySchema = messageBody({
  msgId: safeDigits,
  newMsgId: digits,
  createTime: v.pipe(
    v.nullish(safeDigits),
    v.transform((time) => time ?? undefined),
  ),
})

/**
 * Revokes a sent message. Internal: the client exposes it as `message.revokeMsg`.
 * @see https://doc.geweapi.com/ (消息模块/撤回消息)
 */
export async function revokeMsg(
  context: GeweContext,
  body: RevokeMsgBody,
  options?: CallOptions,
): Promise<void> {
  await postMessage(context, 'revokeMsg', bodySchema, body, options, v.unknown())
}
