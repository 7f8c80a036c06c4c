import type { WebhookHandler } from '@msg/core'
import { type Mock, vi } from 'vitest'
import {
  buildNeteaseImCopy,
  type NeteaseImCopyInput,
  type NeteaseImDeliverOptions,
} from '../src/testing/netease-im-deliver.js'
import { createNeteaseImWebhook } from '../src/webhook/netease-im-webhook.js'
import type { NeteaseImWebhookSettings } from '../src/webhook/netease-im-webhook-settings.js'

/** The credentials the in-process webhook tests use. */
export const credentials = { appKey: 'app-key-123', appSecret: 'app-secret-456' }

/** A webhook with spy handlers. */
export function setup(extra: Partial<NeteaseImWebhookSettings> = {}): {
  webhook: WebhookHandler
  onEvent: Mock
  onMessage: Mock
  onError: Mock
} {
  const onEvent = vi.fn()
  const onMessage = vi.fn()
  const onError = vi.fn()
  const webhook = createNeteaseImWebhook({ ...credentials, onEvent, onMessage, onError, ...extra })
  return { webhook, onEvent, onMessage, onError }
}

/** Sends `input` into the webhook in process, signed as NetEase signs, after `edit` had its way. */
export async function post(
  webhook: WebhookHandler,
  input: NeteaseImCopyInput | string,
  options: Partial<NeteaseImDeliverOptions> = {},
  edit: (push: { body: string; headers: Record<string, string> }) => void = () => {},
) {
  const push = await buildNeteaseImCopy(input, { ...credentials, ...options })
  edit(push)
  const response = await webhook.fetch(
    new Request('http://hook.test/netease', { method: 'POST', headers: push.headers, body: push.body }),
  )
  return { response, text: await response.text(), push }
}
