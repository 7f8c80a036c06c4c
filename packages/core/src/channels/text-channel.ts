import type { Vendor } from '../errors/msg-error.js'
import type { CallOptions } from '../transport/transport-settings.js'
import { type ChannelMessage, checkNotice, type Notice, noticeText } from './notice.js'

/**
 * A message the vendor accepted.
 * @see @msg/core README.md#channels
 */
export interface SentMessage {
  vendor: Vendor
  /** The vendor's message id, as an exact string, when it returns one. */
  messageId?: string
  /** The vendor's request or trace id, for support tickets. */
  requestId?: string
  /** The vendor's unwrapped reply. */
  raw: unknown
}

/**
 * One way to get a message to someone: the interface every vendor client offers through
 * `channel(target)`. A string is sent as a text, exactly; a {@link Notice} in the vendor's best form.
 * @see @msg/core README.md#channels
 */
export interface TextChannel {
  vendor: Vendor
  send(message: ChannelMessage, options?: CallOptions): Promise<SentMessage>
}

/**
 * The `channel(target)` of a vendor client: a string goes through `sendText`; a {@link Notice} is
 * checked against {@link noticeSchema} (a `ValidationError` naming `notice.<field>`, nothing sent) and
 * goes through `sendNotice`, or through `sendText` as plain lines when the vendor has no richer form.
 * @see @msg/core README.md#channels
 */
export function textChannels<Target>(
  vendor: Vendor,
  sendText: (target: Target, text: string, options?: CallOptions) => Promise<SentMessage>,
  sendNotice?: (target: Target, notice: Notice, options?: CallOptions) => Promise<SentMessage>,
): (target: Target) => TextChannel {
  return (target) => ({
    vendor,
    async send(message, options) {
      if (typeof message === 'string') return sendText(target, message, options)
      const notice = checkNotice(message, { vendor, operation: 'channel.send' })
      return sendNotice ? sendNotice(target, notice, options) : sendText(target, noticeText(notice), options)
    },
  })
}
