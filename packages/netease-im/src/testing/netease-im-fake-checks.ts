// The request checks of the fake NetEase server, answered like NetEase: code 414 "parameter error".

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isAccount = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && !value.includes('|')

// Keys each attachment must carry, and their JSON types.
const requiredKeys: Record<number, [string, 'string' | 'number'][]> = {
  1: [['url', 'string']],
  2: [
    ['url', 'string'],
    ['dur', 'number'],
  ],
  3: [
    ['url', 'string'],
    ['dur', 'number'],
  ],
  4: [
    ['lat', 'number'],
    ['lng', 'number'],
  ],
  6: [['url', 'string']],
}
const numberKeys = ['size', 'width', 'height', 'w', 'h', 'dur', 'lat', 'lng']
const stringKeys = ['url', 'md5', 'ext', 'name', 'title']

/** Why `message` would be refused, or undefined when it passes. */
export function messageProblem(message: unknown): string | undefined {
  if (!isObject(message) || typeof message.message_type !== 'number') return 'message.message_type'
  const type = message.message_type
  if (type === 0 || type === 10) {
    if (typeof message.text !== 'string' || message.text === '') return 'message.text'
    return undefined
  }
  if (message.text !== undefined && typeof message.text !== 'string') return 'message.text'
  const attachment = message.attachment
  if (!isObject(attachment)) return 'message.attachment is required for this message_type'
  for (const [key, kind] of requiredKeys[type] ?? [])
    if (typeof attachment[key] !== kind || attachment[key] === '') return `message.attachment.${key}`
  if (type === 100) return undefined
  for (const key of numberKeys)
    if (attachment[key] !== undefined && typeof attachment[key] !== 'number')
      return `message.attachment.${key}`
  for (const key of stringKeys)
    if (attachment[key] !== undefined && typeof attachment[key] !== 'string')
      return `message.attachment.${key}`
  return undefined
}

/** A parsed batch-send body, or the parameter NetEase would name in its 414. */
export function parseBatchSend(bodyText: string):
  | { error: string }
  | {
      senderId: string
      receiverIds: string[]
      body: { message: Record<string, unknown> } & Record<string, unknown>
    } {
  let body: unknown
  try {
    body = JSON.parse(bodyText)
  } catch {
    return { error: 'parameter error: body is not JSON' }
  }
  if (!isObject(body) || !isAccount(body.sender_id)) return { error: 'parameter error: sender_id' }
  const receivers = body.receiver_ids
  if (!Array.isArray(receivers) || receivers.length === 0 || !receivers.every(isAccount))
    return { error: 'parameter error: receiver_ids' }
  if (receivers.length > 100) return { error: 'parameter error: receiver_ids exceeds 100' }
  const problem = messageProblem(body.message)
  if (problem) return { error: `parameter error: ${problem}` }
  return {
    senderId: body.sender_id,
    receiverIds: receivers,
    body: body as { message: Record<string, unknown> } & Record<string, unknown>,
  }
}

/** A parsed recall request, or the parameter NetEase would name in its 414. */
export function parseRecall(
  encodedId: string,
  messageServerId: string,
  query: URLSearchParams,
): { error: string } | { conversationId: string; messageServerId: string; type: number } {
  let conversationId: string
  try {
    conversationId = decodeURIComponent(encodedId)
  } catch {
    return { error: 'parameter error: conversation_id' }
  }
  const [sender, type, receiver, extra] = conversationId.split('|')
  if (!sender || !receiver || extra !== undefined || !['1', '2', '3'].includes(type ?? ''))
    return { error: 'parameter error: conversation_id' }
  if (!/^[1-9]\d{0,18}$/.test(messageServerId) || BigInt(messageServerId) > 9223372036854775807n)
    return { error: 'parameter error: message_server_id' }
  const recallType = query.get('type')
  if (recallType === null || !['1', '2', '3'].includes(recallType)) return { error: 'parameter error: type' }
  return { conversationId, messageServerId, type: Number(recallType) }
}
