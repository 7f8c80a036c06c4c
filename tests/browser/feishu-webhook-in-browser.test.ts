import { createFeishuWebhook } from '@msg/feishu/webhook'
import { describe, expect, it } from 'vitest'
// The push builders straight from their modules: the `@msg/feishu/testing` entry also carries the
// Node-only fake servers, which a page cannot load.
import { buildFeishuPush } from '../../packages/feishu/src/testing/feishu-deliver.js'
import { feishuTextMessageEvent } from '../../packages/feishu/src/testing/feishu-sample-events.js'
import {
  pushRequest,
  recordingWebhook,
  webhookChecks,
  webhookUrl,
} from '../../scripts/sandbox/feishu-webhook-scenario.mjs'

/**
 * The webhook as a service worker would run it: `webhook.fetch(new Request(...))` inside the page,
 * with pushes signed and encrypted by WebCrypto exactly as Feishu sends them.
 */
describe('@msg/feishu/webhook in Chromium', () => {
  it('answers a signed+encrypted push, refuses a tampered one and the challenge', async () => {
    expect(navigator.userAgent).toContain('Chrome')
    const { webhook, seen } = recordingWebhook(createFeishuWebhook)
    const results: string[] = []
    await webhookChecks(
      async (name, run) => {
        try {
          await run()
          results.push(`ok ${name}`)
        } catch (error) {
          results.push(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`)
        }
      },
      {
        testing: { buildFeishuPush, feishuTextMessageEvent },
        send: (push) => webhook.fetch(pushRequest(webhookUrl, push)),
        seen: () => seen,
      },
    )
    expect(results.filter((line) => !line.startsWith('ok '))).toEqual([])
    expect(results).toHaveLength(3)
  })
})
