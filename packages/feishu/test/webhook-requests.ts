import type { WebhookHandler } from '@msg/core'
import { type Mock, vi } from 'vitest'
import { buildFeishuPush, type FeishuDeliverOptions, type FeishuPushInput } from '../src/testing/index.js'
import type { FeishuWebhookSettings } from '../src/webhook/index.js'
import { createFeishuWebhook } from '../src/webhook/index.js'

/** The secrets the in-process webhook tests use. */
export const verificationToken = 'v-token-123'
export const encryptKey = 'e-key-456'
export const secure = { verificationToken, encryptKey }

/** A webhook with spy handlers; `secrets` replaces the encrypt key (pass `{}` for none). */
export function setup(
  extra: Partial<FeishuWebhookSettings> = {},
  secrets: { encryptKey?: string } = secure,
): { webhook: WebhookHandler; onEvent: Mock; onMessage: Mock } {
  const onEvent = vi.fn()
  const onMessage = vi.fn()
  const webhook = createFeishuWebhook({
    verificationToken,
    ...secrets,
    onEvent,
    onMessage,
    onError: () => {},
    ...extra,
  })
  return { webhook, onEvent, onMessage }
}

/** Pushes `input` into the webhook in process, after `edit` had its way with the request. */
export async function post(
  webhook: WebhookHandler,
  input: FeishuPushInput,
  options: Partial<FeishuDeliverOptions> = secure,
  edit: (push: { body: string; headers: Record<string, string> }) => void = () => {},
) {
  const push = await buildFeishuPush(input, { verificationToken, ...options })
  edit(push)
  const response = await webhook.fetch(
    new Request('http://hook.test/feishu', { method: 'POST', headers: push.headers, body: push.body }),
  )
  return { response, text: await response.text(), push }
}
