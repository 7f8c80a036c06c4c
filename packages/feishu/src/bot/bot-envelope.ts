import {
  type CodeClass,
  createCodeClassifier,
  createEnvelopeReader,
  type HttpResponse,
  type RequestContext,
  type SentMessage,
} from '@msg/core'
import * as v from 'valibot'

/**
 * How the bot handles each custom-bot code. Unlisted codes are permanent (`VendorError`, not sent):
 * among them 9499 Bad Request (format or size) and 19024 keyword not matched.
 * - 19021 signature mismatch or timestamp outside one hour, 19022 IP not allowed, 19001 unknown hook
 *   token: `AuthError`.
 * - 11232 frequency limited (5/s, 100/min per bot): `RateLimitError`.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export const classifyFeishuBotCode: (code: number | string | undefined) => CodeClass = createCodeClassifier({
  auth: [19021, 19022, 19001],
  'rate-limit': [11232],
})

/**
 * The custom bot's reply: `{ code, msg, data }`, often with the older `StatusCode` / `StatusMessage`
 * beside it (or alone).
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export interface FeishuBotReply {
  code?: number | undefined
  msg?: string | undefined
  data?: unknown
  StatusCode?: number | undefined
  StatusMessage?: string | undefined
}

const replySchema = v.pipe(
  v.looseObject({
    code: v.optional(v.number()),
    msg: v.optional(v.string()),
    StatusCode: v.optional(v.number()),
    StatusMessage: v.optional(v.string()),
  }),
  v.check((reply) => reply.code !== undefined || reply.StatusCode !== undefined),
)

const codeOf = (reply: FeishuBotReply) => reply.code ?? reply.StatusCode
// Feishu's gateway log id, for support tickets.
const requestIdOf = (response: HttpResponse) =>
  response.headers.get('x-tt-logid') || response.headers.get('x-request-id') || undefined

const readReply = createEnvelopeReader<FeishuBotReply>({
  schema: replySchema,
  succeeded: (reply) => codeOf(reply) === 0,
  code: codeOf,
  message: (reply) => reply.msg ?? reply.StatusMessage,
  // A 5xx may come after the bot posted the message: delivery unknown, never resent.
  classify: (code, _reply, response) => {
    const codeClass = classifyFeishuBotCode(code)
    return response.status >= 500 && codeClass !== 'rate-limit' ? 'transient' : codeClass
  },
  requestId: requestIdOf,
})

/**
 * A transport `read` for the webhook: code 0 (or `StatusCode: 0`) is a `SentMessage` without an id.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export function readFeishuBotReply(response: HttpResponse, context: RequestContext): SentMessage {
  const raw = readReply(response, context, v.unknown(), (reply) => reply)
  const requestId = requestIdOf(response)
  return requestId === undefined ? { vendor: 'feishu', raw } : { vendor: 'feishu', requestId, raw }
}
