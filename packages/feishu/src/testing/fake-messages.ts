import { randomHex } from '@msg/core'
import { checkContent, type FakeUploadKeys } from './fake-content.js'
import { type FeishuFakeRequest, fakeMessages, feishuData, feishuFailure, feishuJson } from './fake-wire.js'

/**
 * A message the fake accepted.
 * @see README.md#testing-kit-msgfeishutesting
 */
export interface FeishuInboxEntry {
  message_id: string
  endpoint: 'message.send' | 'im.message.create' | 'im.message.reply'
  msg_type: string
  /** The content as a JSON string (v4's object is serialised). */
  content: string
  /** The content parsed, after the fake checked it for its `msg_type`. */
  parsed: Record<string, unknown>
  /** `content.text`, when the content is a text message. */
  text: string | undefined
  chat_id: string
  receive_id_type?: string
  receive_id?: string
  /** v4's recipient fields as sent. */
  recipients?: { open_id?: string; user_id?: string; email?: string; chat_id?: string }
  root_id?: string
  parent_id?: string
  thread_id?: string
  uuid?: string
  create_time: string
}

/** The fake's message state. */
export interface MessageState {
  inbox: FeishuInboxEntry[]
  byUuid: Map<string, { at: number; entry: FeishuInboxEntry }>
  chats: Map<string, string>
  appId: string
  tenantKey: string
  now: () => number
  /** The image and file keys the fake issued, which image, file, audio and media messages must use. */
  keys: FakeUploadKeys
}

const hour = 3_600_000
const receiveIdTypes = ['open_id', 'union_id', 'user_id', 'email', 'chat_id']

function chatFor(state: MessageState, id: string): string {
  if (id.startsWith('oc_')) return id
  const chat = state.chats.get(id) ?? `oc_${randomHex(16)}`
  state.chats.set(id, chat)
  return chat
}

function imData(state: MessageState, entry: FeishuInboxEntry): Record<string, unknown> {
  const { message_id, root_id, parent_id, thread_id, msg_type, create_time, chat_id } = entry
  return {
    message_id,
    ...(root_id ? { root_id, parent_id } : {}),
    ...(thread_id ? { thread_id } : {}),
    msg_type,
    create_time,
    update_time: create_time,
    deleted: false,
    updated: false,
    chat_id,
    sender: { id: state.appId, id_type: 'app_id', sender_type: 'app', tenant_key: state.tenantKey },
    body: { content: entry.content },
  }
}

/** Stores a message, or returns the one already stored under the same uuid within the hour. */
function accept(state: MessageState, entry: Omit<FeishuInboxEntry, 'message_id' | 'create_time'>) {
  const previous = entry.uuid ? state.byUuid.get(entry.uuid) : undefined
  if (previous && state.now() - previous.at < hour) return previous.entry
  const stored = { message_id: `om_${randomHex(16)}`, create_time: String(state.now()), ...entry }
  state.inbox.push(stored)
  if (entry.uuid) state.byUuid.set(entry.uuid, { at: state.now(), entry: stored })
  return stored
}

/** `POST /open-apis/message/v4/send/`: content is an object; business errors answer HTTP 200. */
export function handleV4Send(state: MessageState, request: FeishuFakeRequest): Response {
  const body = request.body as Record<string, unknown> | undefined
  const content = body?.content as { text?: unknown } | undefined
  const ids = ['chat_id', 'open_id', 'user_id', 'email'] as const
  const recipient = ids.find((name) => typeof body?.[name] === 'string' && body[name] !== '')
  if (!body || !recipient || body.msg_type !== 'text' || typeof content?.text !== 'string') {
    return feishuFailure(9499, fakeMessages[9499] ?? '', 400)
  }
  const recipients = Object.fromEntries(
    ids.filter((name) => body[name] !== undefined).map((n) => [n, body[n]]),
  )
  const entry = accept(state, {
    endpoint: 'message.send',
    msg_type: 'text',
    content: JSON.stringify(content),
    parsed: content as Record<string, unknown>,
    text: content.text,
    chat_id: chatFor(state, body[recipient] as string),
    recipients,
    ...(typeof body.root_id === 'string' ? { root_id: body.root_id } : {}),
  })
  return feishuData({ message_id: entry.message_id })
}

function invalidParam(ext: string): Response {
  return feishuJson(
    { code: 230001, msg: `Your request contains an invalid request parameter, ext=${ext}` },
    400,
  )
}

/** The body's `msg_type`, `content` (checked for its type) and `uuid`, or the failure to answer. */
function checkBody(
  state: MessageState,
  body: Record<string, unknown> | undefined,
): { msg_type: string; content: string; parsed: Record<string, unknown> } | Response {
  if (!body || typeof body.msg_type !== 'string' || typeof body.content !== 'string') {
    return invalidParam('msg_type and content are required')
  }
  if (body.uuid !== undefined && (typeof body.uuid !== 'string' || body.uuid.length > 50)) {
    return invalidParam('uuid is longer than 50 characters')
  }
  const parsed = checkContent(state.keys, body.msg_type, body.content)
  if (parsed instanceof Response) return parsed
  return { msg_type: body.msg_type, content: body.content, parsed }
}

/** `POST /open-apis/im/v1/messages?receive_id_type=…`: business errors answer HTTP 400. */
export function handleImCreate(state: MessageState, request: FeishuFakeRequest): Response {
  const type = request.query.receive_id_type ?? ''
  if (!receiveIdTypes.includes(type)) return invalidParam(`invalid receive_id_type '${type}'`)
  const body = request.body as Record<string, unknown> | undefined
  const checked = checkBody(state, body)
  if (checked instanceof Response || !body) return checked as Response
  if (typeof body.receive_id !== 'string' || body.receive_id === '') return invalidParam('receive_id')
  const entry = accept(state, {
    endpoint: 'im.message.create',
    ...checked,
    text: checked.msg_type === 'text' ? (checked.parsed.text as string) : undefined,
    chat_id: chatFor(state, body.receive_id),
    receive_id_type: type,
    receive_id: body.receive_id,
    ...(typeof body.uuid === 'string' ? { uuid: body.uuid } : {}),
  })
  return feishuData(imData(state, entry))
}

/** `POST /open-apis/im/v1/messages/{message_id}/reply`. */
export function handleImReply(state: MessageState, request: FeishuFakeRequest, messageId: string): Response {
  const body = request.body as Record<string, unknown> | undefined
  const checked = checkBody(state, body)
  if (checked instanceof Response || !body) return checked as Response
  const parent = state.inbox.find((entry) => entry.message_id === messageId)
  const thread = body.reply_in_thread === true ? (parent?.thread_id ?? `omt_${randomHex(8)}`) : undefined
  const entry = accept(state, {
    endpoint: 'im.message.reply',
    ...checked,
    text: checked.msg_type === 'text' ? (checked.parsed.text as string) : undefined,
    chat_id: parent?.chat_id ?? `oc_${randomHex(16)}`,
    root_id: parent?.root_id ?? messageId,
    parent_id: messageId,
    ...(thread ? { thread_id: thread } : {}),
    ...(typeof body.uuid === 'string' ? { uuid: body.uuid } : {}),
  })
  return feishuData(imData(state, entry))
}
