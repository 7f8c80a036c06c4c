import { createDeduper, MsgError, toBase64 } from '@msg/core'
import { dispatchFeishuEvent } from '../webhook/feishu-event-dispatch.js'
import { readFeishuPayload } from '../webhook/feishu-payload.js'
import type { FeishuLongConnectionSettings } from './long-connection-settings.js'

/**
 * What goes back in the ack frame's payload: `code` 200 when handled (or a duplicate), 500 when a
 * handler threw or the push was unreadable; for a card callback `data` is the base64 of the JSON
 * the handler returned (toast and/or card).
 * @see README.md#long-connection
 */
export interface FeishuPushAnswer {
  code: 200 | 500
  data?: string
}

const hour = 3_600_000
const utf8 = new TextEncoder()

/** Base64 of the UTF-8 bytes of `text`. */
const utf8Base64 = (text: string): string => toBase64(utf8.encode(text))

/**
 * Creates the function that handles one reassembled push of the long connection: the plaintext
 * JSON of a webhook body (no signature, no encryption: the connection itself was authenticated).
 * Events go through the webhook's dispatch and de-duplication (`event_id`, plus `message_id` for
 * `im.message.receive_v1`); `card.action.trigger` goes to `onCardAction`, never de-duplicated.
 * @see README.md#long-connection
 */
export function createFeishuPushHandler(
  settings: FeishuLongConnectionSettings,
  onError: (error: unknown) => void,
): (payload: Uint8Array) => Promise<FeishuPushAnswer> {
  const deduper = createDeduper({
    store: settings.dedupe,
    ttlMs: settings.dedupeTtlMs ?? 12 * hour,
    prefix: 'feishu:',
    onError,
  })
  return async (bytes) => {
    let body: unknown
    try {
      body = JSON.parse(new TextDecoder().decode(bytes))
    } catch (cause) {
      onError(new MsgError({ vendor: 'feishu', message: 'long connection: a push that is not JSON', cause }))
      return { code: 500 }
    }
    const payload = readFeishuPayload(body)
    try {
      if (payload.kind === 'card') {
        const result = (await settings.onCardAction?.(payload.action)) ?? {}
        return { code: 200, data: utf8Base64(JSON.stringify(result)) }
      }
      if (payload.kind === 'event') {
        await deduper.once(payload.keys, () =>
          dispatchFeishuEvent(settings, payload.event, payload.eventType),
        )
        return { code: 200 }
      }
      const reason = payload.kind === 'malformed' ? payload.reason : 'a challenge over the long connection'
      onError(new MsgError({ vendor: 'feishu', message: `long connection: unexpected push (${reason})` }))
      return { code: 500 }
    } catch (error) {
      onError(error)
      return { code: 500 }
    }
  }
}
