import { type CallOptions, invalidInput, MsgError, randomUuid, validateInput } from '@msg/core'
import * as v from 'valibot'
import { NeteaseImBatchSendError } from '../netease-im-batch-send-error.js'
import type { NeteaseImContext } from '../netease-im-context.js'
import { neteaseImResponseReader } from '../netease-im-response-reader.js'
import { accountIdSchema } from './conversation-id.js'
import { maxBatchReceivers } from './max-batch-receivers.js'
import { antispamConfigSchema, messageSchema, objectMessage, pushConfigSchema } from './message-schema.js'
import type {
  NeteaseImBatchMessagesBody,
  NeteaseImBatchResult,
  NeteaseImBatchSent,
} from './send-batch-messages-types.js'
import { callerTraceId, traceIdOf, withoutTraceHeader } from './trace-id.js'

const operation = 'conversation.sendBatchMessages'
const exactId = v.optional(v.pipe(v.union([v.string(), v.number()]), v.transform(String)))
const dataSchema = v.looseObject({
  success_list: v.optional(v.array(v.looseObject({ message_server_id: exactId })), []),
  failed_list: v.optional(v.array(v.looseObject({})), []),
})
type BatchData = v.InferOutput<typeof dataSchema>

const schemas = new Map<number, ReturnType<typeof buildSchema>>()

function buildSchema(textLimit: number) {
  return v.looseObject(
    {
      sender_id: accountIdSchema,
      receiver_ids: v.pipe(
        v.array(accountIdSchema, (issue) => (issue.input === undefined ? 'is required' : 'must be an array')),
        v.minLength(1, 'at least 1 receiver'),
      ),
      message: messageSchema(textLimit),
      message_config: v.optional(v.looseObject({}, objectMessage)),
      push_config: pushConfigSchema,
      antispam_config: antispamConfigSchema,
      need_message_detail: v.optional(v.boolean('must be a boolean')),
    },
    objectMessage,
  )
}

/**
 * POST /im/v2/conversations/messages: one p2p message to every receiver. The whole body is validated
 * first; the receivers go out in consecutive calls of at most 100 (250 → 100, 100, 50), each with its
 * own `X-custom-traceid` and `message_client_id` kept across its retries. A single call's error is
 * thrown as is; with several calls, a failing call stops the send with a `NeteaseImBatchSendError`.
 * @see https://doc.commsease.com/messaging2/server-apis/zgzOTE1MTI
 */
export async function sendBatchConversationMessages(
  context: NeteaseImContext,
  body: NeteaseImBatchMessagesBody,
  options?: CallOptions,
): Promise<NeteaseImBatchSent> {
  let schema = schemas.get(context.textLimit)
  if (!schema) {
    schema = buildSchema(context.textLimit)
    schemas.set(context.textLimit, schema)
  }
  const input = validateInput(schema, body, { vendor: 'netease-im', operation })
  const chunks: string[][] = []
  for (let start = 0; start < input.receiver_ids.length; start += maxBatchReceivers)
    chunks.push(input.receiver_ids.slice(start, start + maxBatchReceivers))
  if (chunks.length > 1 && input.message.message_client_id !== undefined)
    throw invalidInput({ vendor: 'netease-im', operation }, [
      {
        path: 'message.message_client_id',
        message: `must be left out for more than ${maxBatchReceivers} receivers (each call gets its own; use idempotencyKey)`,
      },
    ])
  const callerTrace = callerTraceId(options)
  const callOptions = withoutTraceHeader(options)
  const batches: NeteaseImBatchResult[] = chunks.map((receiver_ids) => ({ receiver_ids, status: 'skipped' }))
  for (const [index, batch] of batches.entries()) {
    const key = options?.idempotencyKey
    const messageClientId =
      input.message.message_client_id ??
      (key === undefined ? randomUuid() : chunks.length > 1 ? `${key}-${index + 1}` : key)
    // A caller's X-custom-traceid names the whole send: each call gets `<trace>-<call number>`.
    const traceId =
      callerTrace === undefined
        ? traceIdOf(undefined)
        : chunks.length > 1
          ? `${callerTrace}-${index + 1}`
          : callerTrace
    batch.traceId = traceId
    try {
      const data = await sendOne(
        context,
        traceId,
        {
          ...input,
          receiver_ids: batch.receiver_ids,
          message: { ...input.message, message_client_id: messageClientId },
        },
        callOptions,
      )
      Object.assign(batch, { status: 'sent' }, data)
    } catch (error) {
      if (chunks.length === 1 || !MsgError.isInstance(error)) throw error
      batch.status = 'failed'
      batch.error = error
      throw new NeteaseImBatchSendError(batches, error)
    }
  }
  return {
    success_list: batches.flatMap((batch) => batch.success_list ?? []),
    failed_list: batches.flatMap((batch) => batch.failed_list ?? []),
    batches,
  }
}

async function sendOne(
  context: NeteaseImContext,
  traceId: string,
  body: Record<string, unknown>,
  options: CallOptions | undefined,
): Promise<Partial<BatchData> & { duplicate?: true }> {
  return context.http.send({
    operation,
    path: '/im/v2/conversations/messages',
    headers: { 'Content-Type': 'application/json;charset=utf-8', 'X-custom-traceid': traceId },
    body,
    // message_client_id and X-custom-traceid are reused on every attempt of this call.
    idempotent: true,
    read: neteaseImResponseReader(context, traceId, dataSchema, {}),
    options,
  })
}
