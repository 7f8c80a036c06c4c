import { randomUuid } from '@msg/core'
import type { NeteaseImInboxEntry } from './netease-im-fake.js'
import { parseBatchSend, parseRecall } from './netease-im-fake-checks.js'
import { rawJson } from './netease-im-fake-replies.js'

/** What the fake's batch send shares with its single send. */
export interface FakeStore {
  inbox: NeteaseImInboxEntry[]
  /** Delivered messages by `sender_id` and `message_client_id`, for 107306. */
  delivered(): Map<string, { entry: NeteaseImInboxEntry; dataJson: string }>
  nextId(): bigint
  missingAccounts: ReadonlySet<string>
  duplicateReturnsOriginal: boolean
}

/** DELETE …/messages/{message_server_id}?type=: marks a held message recalled (or deleted), else 404. */
export function recallMessage(
  inbox: NeteaseImInboxEntry[],
  encodedId: string,
  serverId: string,
  query: URLSearchParams,
): { code: number; msg: string } {
  const parsed = parseRecall(encodedId, serverId, query)
  if ('error' in parsed) return { code: 414, msg: parsed.error }
  const entry = inbox.find(
    (candidate) =>
      candidate.message_server_id === parsed.messageServerId &&
      candidate.conversation_id === parsed.conversationId,
  )
  if (!entry) return { code: 404, msg: 'message not found' }
  entry.recall = {
    type: parsed.type,
    ...(query.has('server_extension') ? { server_extension: query.get('server_extension') ?? '' } : {}),
    ...(query.has('notify') ? { notify: query.get('notify') ?? '' } : {}),
  }
  return { code: 200, msg: 'success' }
}

/** POST /im/v2/conversations/messages: one inbox entry and one `success_list` item per receiver. */
export function batchSend(
  store: FakeStore,
  request: Request,
  bodyText: string,
  nowMs: number,
): { code: number; msg: string; dataJson?: string } {
  const parsed = parseBatchSend(bodyText)
  if ('error' in parsed) return { code: 414, msg: parsed.error }
  const { message } = parsed.body
  const clientId = typeof message.message_client_id === 'string' ? message.message_client_id : randomUuid()
  const key = `${parsed.senderId}\n${clientId}`
  const earlier = store.delivered().get(key)
  if (earlier)
    return {
      code: 107306,
      msg: 'duplicate message_client_id',
      dataJson: store.duplicateReturnsOriginal ? earlier.dataJson : '{}',
    }
  const success: Record<string, unknown>[] = []
  const failed: Record<string, unknown>[] = []
  for (const receiverId of parsed.receiverIds) {
    if (store.missingAccounts.has(receiverId)) {
      failed.push({ receiver_id: receiverId, error_code: 102404, error_msg: 'account not exist' })
      continue
    }
    const serverId = store.nextId()
    const entry: NeteaseImInboxEntry = {
      conversation_id: `${parsed.senderId}|1|${receiverId}`,
      sender_id: parsed.senderId,
      conversation_type: 1,
      receiver_id: receiverId,
      message_server_id: serverId.toString(),
      message_client_id: clientId,
      trace_id: request.headers.get('x-custom-traceid') ?? undefined,
      create_time: nowMs,
      message,
      body: parsed.body,
      batch: true,
    }
    store.inbox.push(entry)
    success.push({
      message_server_id: serverId,
      message_client_id: clientId,
      sender_id: parsed.senderId,
      receiver_id: receiverId,
      create_time: nowMs,
      message_type: message.message_type,
      ...(message.text === undefined ? {} : { text: message.text }),
      ...(message.attachment === undefined ? {} : { attachment: message.attachment }),
    })
  }
  const dataJson = rawJson({ success_list: success, failed_list: failed })
  store.delivered().set(key, { entry: store.inbox[store.inbox.length - 1] as NeteaseImInboxEntry, dataJson })
  return { code: 200, msg: 'success', dataJson }
}
