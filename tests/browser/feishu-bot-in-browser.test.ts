import { createFeishuBot } from '@msg/feishu/bot'
import { describe, expect, it } from 'vitest'
// The fake bot's answer straight from its module: the `@msg/feishu/testing` entry also carries the
// Node-only fake servers, which a page cannot load.
import { createFeishuBotAnswer } from '../../packages/feishu/src/testing/feishu-bot-fake-answer.js'
import { createCheckTally } from '../../scripts/sandbox/check-tally.mjs'
import { botChecks, botSecrets, botWebhook } from '../../scripts/sandbox/feishu-bot-scenario.mjs'

/** The custom bot in a page: Chromium's WebCrypto signs, the fake bot verifies like Feishu. */
describe('@msg/feishu/bot in Chromium', () => {
  it('refuses the webhook and the secret in a page unless dangerouslyAllowBrowser', () => {
    expect(navigator.userAgent).toContain('Chrome')
    expect(() => createFeishuBot({ webhook: botWebhook })).toThrow(/refusing `webhook` in a browser/)
    expect(() => createFeishuBot({ webhook: botWebhook, secret: botSecrets.secret })).toThrow(
      /refusing `secret` in a browser/,
    )
  })

  it('signs, sends a text and a card, and maps a wrong secret and an oversized body', async () => {
    const lines: string[] = []
    const tally = createCheckTally((line) => lines.push(line))
    await botChecks(tally.check, {
      createFeishuBot,
      createFeishuBotAnswer,
      settings: { dangerouslyAllowBrowser: true },
    })
    expect(lines.filter((line) => !line.startsWith('  ok '))).toEqual([])
    expect(tally.passed).toBe(3)
  })
})
