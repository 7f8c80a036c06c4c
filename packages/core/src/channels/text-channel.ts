import type { Vendor } from '../errors/msg-error.js'
import type { CallOptions } from '../transport/transport-settings.js'

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
 * One way to get a text to someone: the interface every vendor client offers through `channel(target)`.
 * @see @msg/core README.md#channels
 */
export interface TextChannel {
  vendor: Vendor
  send(text: string, options?: CallOptions): Promise<SentMessage>
}

/**
 * The `channel(target)` of a vendor client: each channel sends through the client's `sendText`.
 * @see @msg/core README.md#channels
 */
export function textChannels<Target>(
  vendor: Vendor,
  sendText: (target: Target, text: string, options?: CallOptions) => Promise<SentMessage>,
): (target: Target) => TextChannel {
  return (target) => ({ vendor, send: (text, options) => sendText(target, text, options) })
}
