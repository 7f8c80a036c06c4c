import { type CallOptions, type Notice, type SentMessage, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { FeishuContext } from './feishu-context.js'
import { type FeishuTarget, sendToTarget, targetSchema } from './feishu-text-channel.js'
import { type ImFileCreateData, type ImFileCreateRequest, imFileCreate } from './im/file-create.js'
import { type ImImageCreateData, type ImImageCreateRequest, imImageCreate } from './im/image-create.js'
import { uuidSchema } from './im/message.js'
import type { FeishuMessage } from './im/message-content.js'
import { feishuMessageSchema } from './im/message-content-schema.js'
import { feishuNoticeCard } from './im/notice-card.js'
import { explainFeishuFailure } from './im/rich-failure.js'

// The rich half of the client: loaded on first use (`import()` in the client), so an app that only
// sends texts carries none of it.

/** Per client: the `file_type` of the last keys it uploaded (to catch a mismatched `msg_type` before sending) and its input schema. */
interface RichState {
  uploads: Map<string, string>
  schema: ReturnType<typeof inputSchema>
}

const states = new WeakMap<FeishuContext, RichState>()
const keysKept = 1000

const inputSchema = (uploads: Map<string, string>) =>
  v.object({
    target: targetSchema,
    message: feishuMessageSchema((key) => uploads.get(key)),
    idempotencyKey: uuidSchema,
  })

function stateOf(context: FeishuContext): RichState {
  const known = states.get(context)
  if (known) return known
  const uploads = new Map<string, string>()
  const state = { uploads, schema: inputSchema(uploads) }
  states.set(context, state)
  return state
}

const explained = <Result>(promise: Promise<Result>) =>
  promise.catch((error: unknown) => {
    throw explainFeishuFailure(error)
  })

/**
 * Sends any im/v1 message type to a target (create, or reply with `replyTo`) under one `uuid`
 * reused on every attempt, after checking the content for its `msg_type` and its size.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export async function sendFeishuMessage(
  context: FeishuContext,
  target: FeishuTarget,
  message: FeishuMessage,
  options: CallOptions = {},
): Promise<SentMessage> {
  const checked = validateInput(
    stateOf(context).schema,
    { target, message, idempotencyKey: options.idempotencyKey },
    { vendor: 'feishu', operation: 'sendMessage' },
  )
  const { msg_type, content } = checked.message
  return explained(sendToTarget(context, checked.target, msg_type, content, checked.idempotencyKey, options))
}

/**
 * A `Notice` (already checked by the channel) as an interactive card.
 * @see https://open.feishu.cn/document/feishu-cards/card-json-v2-structure
 */
export function sendFeishuNotice(
  context: FeishuContext,
  target: FeishuTarget,
  notice: Notice,
  options?: CallOptions,
): Promise<SentMessage> {
  return sendFeishuMessage(
    context,
    target,
    { msg_type: 'interactive', content: feishuNoticeCard(notice) },
    options,
  )
}

/**
 * Uploads an image → `{ image_key }`.
 * @see https://open.feishu.cn/document/server-docs/im-v1/image/create
 */
export async function createImage(
  context: FeishuContext,
  request: ImImageCreateRequest,
  options?: CallOptions,
): Promise<ImImageCreateData> {
  return (await explained(imImageCreate(context, request, options))).data
}

/**
 * Uploads a file → `{ file_key }`, remembering its `file_type` for `sendMessage`'s pairing check.
 * @see https://open.feishu.cn/document/server-docs/im-v1/file/create
 */
export async function createFile(
  context: FeishuContext,
  request: ImFileCreateRequest,
  options?: CallOptions,
): Promise<ImFileCreateData> {
  const { data } = await explained(imFileCreate(context, request, options))
  const { uploads } = stateOf(context)
  if (uploads.size >= keysKept) uploads.delete(uploads.keys().next().value as string)
  uploads.set(data.file_key, request.data.file_type)
  return data
}
