import { createCodeClassifier } from '@msg/core'

/** `code: 200` is the only success; business failures also arrive with HTTP 200. */
export const successCode = 200

/** 107306: the `message_client_id` was already used, so an earlier attempt was delivered. */
export const duplicateMessageCode = 107306

/**
 * NetEase IM v2 codes by how we handle them. Unlisted codes are permanent `VendorError`s (not
 * retried) with the raw code, among them 403 forbidden, 404 not found, 102404 account missing,
 * 102421 account chat-banned, 102422 account banned, 102426 blocklisted, 107410 messaging disabled,
 * 107451 / 195002 antispam hit, 107316 force-push list too long, 107330 both no-sense, 108404 team
 * missing, 108423 / 108306 team chat-banned, 109404 member missing, 109424 member chat-banned and
 * 110404 conversation missing: the permanent fallback already handles them, so the table lists only
 * the codes that are handled differently.
 * 414 is a parameter error, or a CheckSum/CurTime rejection (`AuthError`) when its `msg` says so.
 * @see https://doc.commsease.com/en/messaging/server-apis/TM5NTk2Mzc?platform=server (status codes)
 * @see https://doc.yunxin.163.com/messaging2/concept/TM3MTAxNzE?platform=client (rate limits)
 */
export const classifyNeteaseImCode = createCodeClassifier(
  {
    // 101301 IM not enabled, 101303 appkey does not exist, 997 no permission for the protocol.
    auth: [101301, 101303, 997],
    // 416 app blocked for a minute, 107323 message flow control, 107304 high-priority limit,
    // 107449 modified more than once per second.
    'rate-limit': [416, 107323, 107304, 107449],
    // 449 / 102449 retry needed, 500 server error, 503 busy, 514 service unavailable.
    transient: [449, 102449, 500, 503, 514],
  },
  'permanent',
)

/** True when a 414 `msg` names the signature (CheckSum, CurTime, Nonce) rather than a parameter. */
export function isSignatureRejection(message: string | undefined): boolean {
  return /check\s*sum|cur\s*time|nonce/i.test(message ?? '')
}
