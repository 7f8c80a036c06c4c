import { toHex } from '@msg/core'

const encoder = new TextEncoder()

async function digestHex(algorithm: 'SHA-256' | 'SHA-1', prefix: string, body: Uint8Array): Promise<string> {
  const head = encoder.encode(prefix)
  const data = new Uint8Array(head.length + body.length)
  data.set(head)
  data.set(body, head.length)
  return toHex(new Uint8Array(await crypto.subtle.digest(algorithm, data)))
}

/**
 * `X-Lark-Signature` of an event or new-style callback pushed with an Encrypt Key configured:
 * lowercase hex of `sha256(timestamp + nonce + encryptKey + body)`, where `body` is the raw request
 * bytes exactly as received (never a re-serialised object).
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 */
export function feishuSignature(
  timestamp: string,
  nonce: string,
  encryptKey: string,
  body: Uint8Array,
): Promise<string> {
  return digestHex('SHA-256', timestamp + nonce + encryptKey, body)
}

/**
 * `X-Lark-Signature` of the legacy message-card callback: lowercase hex of
 * `sha1(timestamp + nonce + verificationToken + body)` over the raw request bytes.
 * @see https://open.feishu.cn/document/ukTMukTMukTM/uYzM3QjL2MzN04iNzcDN/configuring-card-callbacks/card-callback-structure
 */
export function feishuLegacyCardSignature(
  timestamp: string,
  nonce: string,
  verificationToken: string,
  body: Uint8Array,
): Promise<string> {
  return digestHex('SHA-1', timestamp + nonce + verificationToken, body)
}
