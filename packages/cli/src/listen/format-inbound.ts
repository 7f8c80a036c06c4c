import type { InboundMessage } from '@msg/core'
import type { EventSummary } from './listen-spec.js'

/** One line per verified message: `feishu message om_… in oc_… from ou_…: "ping"`. */
export function formatMessageLine(message: InboundMessage): string {
  const text = message.text === undefined ? '(no text)' : JSON.stringify(message.text)
  return `${message.vendor} message ${message.messageId} in ${message.chatId} from ${message.senderId}: ${text}`
}

/** One line per verified event that is not a message: `feishu event <type> <id>`. */
export function formatEventLine(vendor: string, summary: EventSummary): string {
  return `${vendor} event ${summary.type}${summary.id ? ` ${summary.id}` : ''}`
}

/** `--json`: one object per message, ids exactly as received (strings). */
export function messageJson(message: InboundMessage): Record<string, unknown> {
  const { vendor, messageId, chatId, senderId, text, raw } = message
  return {
    kind: 'message',
    vendor,
    messageId,
    chatId,
    senderId,
    ...(text === undefined ? {} : { text }),
    raw,
  }
}

/** `--json`: one object per event that is not a message. */
export function eventJson(vendor: string, summary: EventSummary, event: unknown): Record<string, unknown> {
  return { kind: 'event', vendor, type: summary.type, ...(summary.id ? { id: summary.id } : {}), raw: event }
}
