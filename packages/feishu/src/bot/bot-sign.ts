import { toBase64 } from '@msg/core'
/**
 * The custom bot's signature: Base64 of HMAC-SHA256 keyed by `${timestamp}\n${secret}` over an empty
 * message (the guide's own construction: the string to sign is the key, not the data). `timestamp` is
 * in Unix seconds, as a decimal string. WebCrypto only.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export async function feishuBotSign(timestamp: string, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(`${timestamp}\n${secret}`),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new Uint8Array(0)))
  return toBase64(mac)
}

/**
 * The `timestamp` a signed request carries: the current Unix time in whole seconds, as a string.
 * @see https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export function feishuBotTimestamp(now: number = Date.now()): string {
  return String(Math.floor(now / 1000))
}
