import { payloadText } from '../outbox-payload.js'
import type { OutboxSender, TextClient } from '../outbox-sender.js'

/**
 * Options of {@link geweTextSender}.
 * @see ../../README.md#senders
 */
export interface GeweTextSenderOptions {
  /** The least time between one send's end and the next send's start on this `appId`. Default 1000. */
  gapMs?: number
  /** A random 0..jitterMs added to every gap (never taken from it). Default 1000. */
  jitterMs?: number
}

/**
 * A sender for a `createGewe` client (create it with `pacing: false`: the lane paces the whole fleet)
 * and one target: one send at a time per `appId` across the fleet (lane `gewe:<appId>`). GeWe has no
 * de-duplication key, so a send interrupted inside its window is parked as `unknown`, never resent.
 * @see ../../README.md#senders
 */
export function geweTextSender<Target extends { appId: string }>(
  client: TextClient<Target>,
  target: Target,
  options: GeweTextSenderOptions = {},
): OutboxSender {
  if (typeof target?.appId !== 'string' || target.appId === '')
    throw new TypeError('geweTextSender: the target needs an appId')
  return {
    vendor: 'gewe',
    lanes: [
      {
        kind: 'serial',
        name: `gewe:${target.appId}`,
        gapMs: options.gapMs ?? 1000,
        jitterMs: options.jitterMs ?? 1000,
      },
    ],
    dedupWindowMs: 0,
    send: (payload, options) => client.sendText(target, payloadText(payload, 'gewe'), options),
  }
}
