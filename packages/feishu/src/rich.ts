import {
  type CallOptions,
  invalidInput,
  type Notice,
  type SentMessage,
  ValidationError,
  validateInput,
} from '@msg/core'
import * as v from 'valibot'
import type { FeishuContext } from './feishu-context.js'
import { type FeishuTarget, sendToTarget, targetSchema } from './feishu-text-channel.js'
import { type ImFileCreateData, type ImFileCreateRequest, imFileCreate } from './im/file-create.js'
import { type ImImageCreateData, type ImImageCreateRequest, imImageCreate } from './im/image-create.js'
import { uuidSchema } from './im/message.js'
import type { FeishuMessage } from './im/message-content.js'
import { checkFeishuMessage } from './im/message-content-check.js'
import { feishuNoticeCard } from './im/notice-card.js'
import { explainFeishuFailure } from './im/rich-failure.js'

// The rich half of the client: loaded on first use (`import()` in the client), so an app that only
// sends texts carries none of it.

/** Per client: the `file_type` of the last keys it uploaded, to catch a mismatched `msg_type` before sending. */
const uploadedTypes = new WeakMap<FeishuContext, Map<string, string>>()
const keysKept = 1000

function uploadsOf(context: FeishuContext): Map<string, string> {
  const known = uploadedTypes.get(context)
  if (known) return known
  const uploads = new Map<string, string>()
  uploadedTypes.set(context, uploads)
  return uploads
}

const inputSchema = v.object({ target: targetSchema, idempotencyKey: uuidSchema })

const explained = <Result>(promise: Promise<Result>) =>
  promise.catch((error: unknown) => {
    throw explainFeishuFailure(error)
  })

/**
 * Sends any im/v1 message type to a target (create, or reply with `replyTo`) under one `uuid`
 * reused on every attempt, after checking the content for its `msg_type` and its size.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export async function sendMessage(
  context: FeishuContext,
  target: FeishuTarget,
  message: FeishuMessage,
  options: CallOptions = {},
): Promise<SentMessage> {
  const where = { vendor: 'feishu', operation: 'sendMessage' } as const
  const uploads = uploadsOf(context)
  const { issues, msg_type, content } = checkFeishuMessage(message, (key) => uploads.get(key))
  let checked: v.InferOutput<typeof inputSchema> | undefined
  try {
    checked = validateInput(inputSchema, { target, idempotencyKey: options.idempotencyKey }, where)
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error
    issues.unshift(...error.issues)
  }
  if (!checked || issues.length > 0) throw invalidInput(where, issues)
  return explained(sendToTarget(context, checked, msg_type, content, options))
}

/**
 * A `Notice` (already checked by the channel) as an interactive card.
 * @see https://open.feishu.cn/document/feishu-cards/card-json-v2-structure
 */
export function sendNotice(
  context: FeishuContext,
  target: FeishuTarget,
  notice: Notice,
  options?: CallOptions,
): Promise<SentMessage> {
  return sendMessage(context, target, { msg_type: 'interactive', content: feishuNoticeCard(notice) }, options)
}

/**
 * Uploads an image → `{ image_key }`.
 * @see https://open.feishu.cn/document/server-docs/im-v1/image/create
 */
export async function uploadImage(
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
export async function uploadFile(
  context: FeishuContext,
  request: ImFileCreateRequest,
  options?: CallOptions,
): Promise<ImFileCreateData> {
  const { data } = await explained(imFileCreate(context, request, options))
  const uploads = uploadsOf(context)
  if (uploads.size >= keysKept) uploads.delete(uploads.keys().next().value as string)
  uploads.set(data.file_key, request.data.file_type)
  return data
}
