import { type FallbackAttempt, FallbackError } from '../errors/fallback-error.js'
import { MsgError } from '../errors/msg-error.js'
import type { TextChannel } from './text-channel.js'

/**
 * A channel that tries each channel in turn, moving on only when the failure has
 * `delivery: 'not-sent'` (so the message is never sent twice). On final failure it throws a
 * {@link FallbackError} listing every attempt.
 * @see @msg/core README.md#channels
 */
export function withFallback(channels: readonly TextChannel[]): TextChannel {
  const first = channels[0]
  if (!first) throw new TypeError('withFallback needs at least one channel')
  return {
    vendor: first.vendor,
    async send(message, options) {
      const attempts: FallbackAttempt[] = []
      for (const channel of channels) {
        try {
          return await channel.send(message, options)
        } catch (error) {
          attempts.push({ vendor: channel.vendor, error })
          if (!MsgError.isInstance(error) || error.delivery !== 'not-sent') break
        }
      }
      throw new FallbackError(attempts)
    },
  }
}
