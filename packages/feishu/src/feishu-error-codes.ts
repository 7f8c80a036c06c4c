import { type CodeClass, createCodeClassifier } from '@msg/core'

/**
 * How the client handles each Feishu failure code. Unlisted codes are permanent (`VendorError`,
 * `retryable: false`), among them 230001 invalid param, 230002 bot not in the chat, 230006 bot
 * ability off, 230013 user outside the app's availability, 230025 message too long, 230034 invalid
 * receive_id, 230035 send denied, 230053 user blocked the bot, v4's 10002/10030 bot not in chat and
 * 11225 bot invisible to the user, the quotas 99991403 and 11247, the rich-send refusals 230028 (DLP),
 * 230055 (file_type does not fit msg_type) and 230099 (card not created), and the upload refusals
 * 234001 (invalid parameter), 234006 (too large), 234007 (no bot ability) and 234010 (empty file).
 * 230020 is Feishu's frequency limit (a rate limit), not a revoked target.
 * @see https://open.feishu.cn/document/server-docs/api-call-guide/generic-error-code
 */
export const classifyFeishuCode: (code: number | string | undefined) => CodeClass = createCodeClassifier({
  // Tenant access token invalid, expired, malformed or missing: refetch once.
  token: [99991663, 99991661, 99991664, 99991665, 99991671, 20005, 20013],
  // Scope missing, IP not allow-listed, bad app credentials at the token endpoint.
  auth: [99991672, 99991401, 10003, 10012, 10013, 10014, 10015, 20002],
  // 99991400 app/tenant frequency limit (HTTP 429, x-ogw-ratelimit-reset), 230020 per chat (im/v1),
  // 11232 global and 11233 per chat (v4).
  'rate-limit': [99991400, 230020, 11232, 11233],
  // Internal errors, and 230049/18121 "message being sent": retried only under the same uuid.
  transient: [2200, 5000, 1500, 230049, 18121],
})
