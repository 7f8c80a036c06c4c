import { createCheckSum } from '../netease-im-auth.js'
import { messageProblem } from './netease-im-fake-checks.js'

/** A NetEase envelope, by default with HTTP 200 (NetEase answers business failures with HTTP 200 too). */
export function envelopeResponse(
  code: number,
  msg: string,
  dataJson = '{}',
  nowMs = Date.now(),
  status = 200,
): Response {
  return new Response(`{"code":${code},"msg":${JSON.stringify(msg)},"data":${dataJson}}`, {
    status,
    headers: { 'content-type': 'application/json;charset=utf-8', date: new Date(nowMs).toUTCString() },
  })
}

/**
 * JSON of `data` with `message_server_id` first, as a raw JSON number of any size (never quoted),
 * the way NetEase sends an int64.
 */
export function dataWithRawId(messageServerId: bigint, rest: Record<string, unknown>): string {
  const restJson = JSON.stringify(rest)
  return `{"message_server_id":${messageServerId.toString()}${restJson === '{}' ? '}' : `,${restJson.slice(1)}`}`
}

/** JSON of `value` with every bigint written as a raw JSON number (NetEase's int64s), never quoted. */
export function rawJson(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    typeof item === 'bigint' ? `\u0000${item}\u0000` : item,
  ).replace(/"\\u0000(\d+)\\u0000"/g, '$1')
}

/** Why a request's signature is refused, or undefined when it is good. Checks like NetEase: 414. */
export async function signatureProblem(
  headers: Headers,
  credentials: { appKey: string; appSecret: string },
  nowMs: number,
): Promise<{ code: number; msg: string } | undefined> {
  const appKey = headers.get('appkey')
  const nonce = headers.get('nonce')
  const curTime = headers.get('curtime')
  const checkSum = headers.get('checksum')
  if (!appKey || !nonce || !curTime || !checkSum)
    return { code: 414, msg: 'missing AppKey, Nonce, CurTime or CheckSum header' }
  if (appKey !== credentials.appKey) return { code: 101303, msg: 'appkey does not exist' }
  if (nonce.length > 128) return { code: 414, msg: 'checksum failed: Nonce longer than 128 characters' }
  if (!/^\d+$/.test(curTime) || Math.abs(nowMs / 1000 - Number(curTime)) > 300)
    return { code: 414, msg: 'checksum failed: CurTime expired' }
  if (checkSum !== (await createCheckSum(credentials.appSecret, nonce, curTime)))
    return { code: 414, msg: 'checksum failed' }
  return undefined
}

/** A parsed send-message request, or the 414 parameter error NetEase would answer. */
export function parseSendMessage(
  encodedId: string,
  bodyText: string,
):
  | { error: string }
  | {
      conversationId: string
      senderId: string
      type: number
      receiverId: string
      body: { message: Record<string, unknown> } & Record<string, unknown>
    } {
  let conversationId: string
  let body: unknown
  try {
    conversationId = decodeURIComponent(encodedId)
    body = JSON.parse(bodyText)
  } catch {
    return { error: 'parameter error: body is not JSON' }
  }
  const [senderId, type, receiverId, extra] = conversationId.split('|')
  if (!senderId || !receiverId || extra !== undefined || !['1', '2', '3'].includes(type ?? ''))
    return { error: 'parameter error: conversation_id' }
  const problem = messageProblem((body as { message?: unknown } | null)?.message)
  if (problem) return { error: `parameter error: ${problem}` }
  return {
    conversationId,
    senderId,
    type: Number(type),
    receiverId,
    body: body as { message: Record<string, unknown> },
  }
}
