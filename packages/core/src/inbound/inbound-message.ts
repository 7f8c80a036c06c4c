import type { Notice } from '../channels/notice.js'
import type { SentMessage } from '../channels/text-channel.js'
import type { Vendor } from '../errors/msg-error.js'
import type { CallOptions } from '../transport/transport-settings.js'

/**
 * A message someone sent to the bot, in the same shape for every vendor's webhook. `raw` is the
 * verified vendor payload in the vendor's own field names; `reply` answers in the same conversation
 * through the client given in the webhook's settings (it throws a `MsgError` when there is none).
 * @see @msg/core README.md#inbound-webhooks
 */
export interface InboundMessage<Raw = unknown> {
  vendor: Vendor
  /** The vendor's message id, an exact string. */
  messageId: string
  /** The conversation (group or one-to-one chat) the message arrived in. */
  chatId: string
  /** Who sent it, in the vendor's primary user id. */
  senderId: string
  /** The plain text, for text-like messages; mentions appear as `@name`. */
  text?: string
  raw: Raw
  /** Answers the message in its conversation (as a reply where the vendor has replies). */
  reply(message: string | Notice, options?: CallOptions): Promise<SentMessage>
}
