import { createFeishuWebhook } from '@msg/feishu/webhook'
import { describe, expect, it } from 'vitest'
// The push builders straight from their modules: the `@msg/feishu/testing` entry also carries the
// Node-only fake servers, which a page cannot load.
import { buildFeishuPush } from '../../packages/feishu/src/testing/feishu-deliver.js'
import { feishuTextMessageEvent } from '../../packages/feishu/src/testing/feishu-sample-events.js'
import { createCheckTally } from '../../scripts/sandbox/check-tally.mjs'
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
    const lines: string[] = []
    const tally = createCheckTally((line) => lines.push(line))
    await webhookChecks(tally.check, {
      testing: { buildFeishuPush, feishuTextMessageEvent },
      send: (push) => webhook.fetch(pushRequest(webhookUrl, push)),
      seen: () => seen,
    })
    expect(lines.filter((line) => !line.startsWith('  ok '))).toEqual([])
    expect(tally.passed).toBe(3)
  })
})
