import type { SentMessage } from '@msg/core'

/**
 * The ids of a sent message: `message id …  request id …`. Fxiaoke answers with a trace id only
 * (no message id), which is then said plainly.
 */
export function formatIds(message: SentMessage): string {
  const parts: string[] = []
  if (message.messageId !== undefined) parts.push(`message id ${message.messageId}`)
  if (message.requestId !== undefined) parts.push(`request id ${message.requestId}`)
  if (message.messageId === undefined) parts.push(`(${message.vendor} returns no message id)`)
  return parts.join('  ')
}

/** One human line for a message the vendor accepted: vendor, message id, request id. */
export function formatSentLine(message: SentMessage): string {
  return `sent via ${message.vendor}  ${formatIds(message)}`
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
