import { type CallOptions, type EndpointResult, nonEmptyText, validateInput } from '@msg/core'
import * as v from 'valibot'
import { type GeweContext, oncePerClient, sendPaced } from '../gewe-context.js'
import { exactId } from '../gewe-envelope.js'

/**
 * Body of `POST /message/postText`, field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (消息模块/发送文字消息)
 */
export interface PostTextBody {
  /** Device ID. */
  appId: string
  /** A friend's wxid or a `…@chatroom` id. */
  toWxid: string
  /** The text; when mentioning, it must itself contain the `@nickname` text. */
  content: string
  /** Comma-separated wxids to mention, or `notify@all` (group owner or admin only). */
  ats?: string
}

/**
 * Reply data of `POST /message/postText`; ids are exact decimal strings.
 * @see https://doc.geweapi.com/ (消息模块/发送文字消息)
 */
export interface PostTextData {
  toWxid: string
  /** Unix seconds. */
  createTime: number
  /** Often `"0"` for text. */
  msgId: string
  newMsgId: string
  /** 1 = text. */
  type: number
}

const dataSchema = v.object({
  toWxid: v.string(),
  createTime: v.number(),
  msgId: exactId,
  newMsgId: exactId,
  type: v.number(),
})

/** `notify@all`, or wxids separated by commas (no spaces, no empty items). */
const atsSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^(notify@all|[^\s,]+(,[^\s,]+)*)$/, 'must be comma-separated wxids or notify@all'),
)

const bodySchema = oncePerClient((content) =>
  v.object({ appId: nonEmptyText, toWxid: nonEmptyText, content, ats: v.optional(atsSchema) }),
)

/** Sends a chat text. Internal: the client exposes it as `message.postText`. */
export function postText(
  context: GeweContext,
  body: PostTextBody,
  options?: CallOptions,
): Promise<EndpointResult<PostTextData>> {
  const operation = 'message.postText'
  const input = validateInput(bodySchema(context), body, { vendor: 'gewe', operation })
  return sendPaced(
    context,
    { operation, path: '/message/postText', appId: input.appId, body: input },
    dataSchema,
    options,
  )
}
