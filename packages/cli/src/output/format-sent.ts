import type { SentMessage } from '@msg/core'

/** One human line for a message the vendor accepted: vendor, message id, request id. */
export function formatSentLine(message: SentMessage): string {
  const parts = [`sent via ${message.vendor}`, `message id ${message.messageId ?? '(none returned)'}`]
  if (message.requestId !== undefined) parts.push(`request id ${message.requestId}`)
  return parts.join('  ')
}

/** The `--json` object for a message the vendor accepted. */
export function sentJson(message: SentMessage): Record<string, unknown> {
  return {
    ok: true,
    vendor: message.vendor,
    messageId: message.messageId ?? null,
    requestId: message.requestId ?? null,
    raw: message.raw,
  }
}
