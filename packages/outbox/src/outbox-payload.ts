import { ValidationError, type Vendor } from '@msg/core'

/**
 * A notice: a title, a text and a link, which a sender renders in its vendor's best native form.
 * @see ../README.md#payloads
 */
export interface OutboxNotice {
  title?: string
  text: string
  url?: string
}

/**
 * What a job carries to its sender, stored as JSON in the job:
 * - `text`: a plain text (every built-in sender);
 * - `notice`: a {@link OutboxNotice} (the built-in text senders send it as plain lines);
 * - `vendor`: a vendor-specific message body for a sender of that vendor that knows it
 *   (for example a Feishu card through `client.im.message.create`); a sender that does not
 *   understand it refuses it and the message goes `dead` with that reason.
 * @see ../README.md#payloads
 */
export type OutboxPayload =
  | { type: 'text'; text: string }
  | { type: 'notice'; notice: OutboxNotice }
  | { type: 'vendor'; vendor: Vendor; body: unknown }

/**
 * Renders a text or notice payload as one plain text (title, text and link on their own lines).
 * Throws a `ValidationError` (nothing was sent, the message goes `dead`) for a payload that is neither.
 * @see ../README.md#payloads
 */
export function payloadText(payload: OutboxPayload, vendor: Vendor): string {
  if (payload.type === 'text') return payload.text
  if (payload.type === 'notice') {
    const { title, text, url } = payload.notice
    return [title, text, url].filter((line) => typeof line === 'string' && line !== '').join('\n')
  }
  const message = `this sender sends text and notices, not ${JSON.stringify(payload?.type)} payloads`
  throw new ValidationError({
    vendor,
    message: `outbox: ${message}, nothing was sent`,
    issues: [{ path: 'payload.type', message }],
  })
}
