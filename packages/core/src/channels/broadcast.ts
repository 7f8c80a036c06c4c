import type { Vendor } from '../errors/msg-error.js'
import type { CallOptions } from '../transport/transport-settings.js'
import type { ChannelMessage } from './notice.js'
import type { SentMessage, TextChannel } from './text-channel.js'

/** The outcome of one channel in a {@link broadcast}. */
export type BroadcastResult =
  | { vendor: Vendor; ok: true; message: SentMessage }
  | { vendor: Vendor; ok: false; error: unknown }

/**
 * Sends the message (a text or a `Notice`) through every channel at once and reports every outcome, in channel order.
 * Never throws.
 * @see @msg/core README.md#channels
 */
export async function broadcast(
  channels: readonly TextChannel[],
  message: ChannelMessage,
  options?: CallOptions,
): Promise<BroadcastResult[]> {
  const settled = await Promise.allSettled(
    channels.map((channel) => Promise.resolve().then(() => channel.send(message, options))),
  )
  return settled.map((result, index): BroadcastResult => {
    const vendor = (channels[index] as TextChannel).vendor
    return result.status === 'fulfilled'
      ? { vendor, ok: true, message: result.value }
      : { vendor, ok: false, error: result.reason }
  })
}
