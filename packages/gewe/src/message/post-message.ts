import { type CallOptions, type EndpointResult, validateInput } from '@msg/core'
import * as v from 'valibot'
import { type GeweContext, sendPaced } from '../gewe-context.js'
import { exactId } from '../gewe-envelope.js'

/**
 * What every `message/post*` and `message/forward*` call returns: the message's ids (exact decimal
 * strings) and, for images and videos, the CDN information a later `forward*` call can reuse in
 * its `xml`. GeWe's examples show `createTime` and `type` as `null` on some calls.
 * @see https://doc.geweapi.com/ (消息模块/发送图片消息)
 */
export interface GewePostData {
  toWxid: string
  /** Unix seconds, or `null`. */
  createTime: number | null
  msgId: string
  /** The 64-bit id `revokeMsg` needs, every digit kept. */
  newMsgId: string
  /** WeChat message type (5 link, 6 file, 33 mini program, 42 name card …), or `null`. */
  type: number | null
  /** CDN AES key (images, videos). */
  aesKey?: string | null
  /** CDN file id (images, videos). */
  fileId?: string | null
  /** File size in bytes (images, videos). */
  length?: number | null
  /** Image width (images). */
  width?: number | null
  /** Image height (images). */
  height?: number | null
  /** Image MD5 (images). */
  md5?: string | null
}

// Loose: the CDN fields (and anything GeWe adds) pass through as GeWe sent them.
const dataSchema = v.looseObject({
  toWxid: v.string(),
  createTime: v.nullable(v.number()),
  msgId: exactId,
  newMsgId: exactId,
  type: v.nullable(v.number()),
})

/**
 * A message body's rule: an object schema whose output carries `appId`.
 * @see @msg/gewe README.md#rich-messages
 */
export type BodySchema = v.GenericSchema<unknown, { appId: string }>

/**
 * Checks `body` against the operation's rule (a `ValidationError`, nothing sent) and POSTs its
 * output to `/message/<op>` through the account's pacing queue, fields as GeWe names them; the
 * reply's `data` is read with `data` (default: {@link GewePostData}). Internal.
 * @see @msg/gewe README.md#rich-messages
 */
export function postMessage<Data = GewePostData>(
  context: GeweContext,
  op: string,
  schema: BodySchema,
  body: unknown,
  options?: CallOptions,
  data = dataSchema as unknown as v.GenericSchema<unknown, Data>,
): Promise<EndpointResult<Data>> {
  const operation = `message.${op}`
  const input = validateInput(schema, body, { vendor: 'gewe', operation })
  return sendPaced(
    context,
    { operation, path: `/message/${op}`, appId: input.appId, body: input },
    data,
    options,
  )
}
