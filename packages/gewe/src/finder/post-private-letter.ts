import { type CallOptions, type EndpointResult, nonEmptyText, validateInput } from '@msg/core'
import * as v from 'valibot'
import { type GeweContext, oncePerClient, sendPaced } from '../gewe-context.js'
import { exactId } from '../gewe-envelope.js'

/**
 * Body of `POST /finder/postPrivateLetter` (Channels private-letter text), field names as GeWe spells them.
 * @see https://doc.geweapi.com/ (基础API/视频号模块/发私信文本消息)
 */
export interface PostPrivateLetterBody {
  /** Device ID. */
  appId: string
  /** Letter text. */
  content: string
  /** Recipient username, e.g. `v2_…@finder`. */
  toUserName: string
  /** Own Channels username: `mainFinderUsername` from `/finder/getProfile`. */
  myUserName: string
  /** Session ID (`…@findermsg`) from `/finder/contactList`. */
  msgSessionId: string
}

/**
 * Reply data of `POST /finder/postPrivateLetter`; `newMsgId` is an exact decimal string.
 * @see https://doc.geweapi.com/ (基础API/视频号模块/发私信文本消息)
 */
export interface PostPrivateLetterData {
  newMsgId: string
}

const dataSchema = v.object({ newMsgId: exactId })

const bodySchema = oncePerClient((content) =>
  v.object({
    appId: nonEmptyText,
    content,
    toUserName: nonEmptyText,
    myUserName: nonEmptyText,
    msgSessionId: nonEmptyText,
  }),
)

/** Sends a Channels private-letter text. Internal: the client exposes it as `finder.postPrivateLetter`. */
export function postPrivateLetter(
  context: GeweContext,
  body: PostPrivateLetterBody,
  options?: CallOptions,
): Promise<EndpointResult<PostPrivateLetterData>> {
  const operation = 'finder.postPrivateLetter'
  const input = validateInput(bodySchema(context), body, { vendor: 'gewe', operation })
  // valibot's output holds only the fields above; proxyIp only when configured.
  const wire = context.proxyIp === undefined ? input : { ...input, proxyIp: context.proxyIp }
  return sendPaced(
    context,
    { operation, path: '/finder/postPrivateLetter', appId: input.appId, body: wire },
    dataSchema,
    options,
  )
}
