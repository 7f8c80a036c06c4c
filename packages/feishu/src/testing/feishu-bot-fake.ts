import { applyCommonFault, type CommonFault, createVendorFake, type VendorFake } from '@msg/core/testing'
import type { HttpHandler } from 'msw'
import { feishuBotHookPath } from '../bot/bot-settings.js'
import {
  createFeishuBotAnswer,
  type FeishuBotFakeOptions,
  type FeishuBotInboxEntry,
  feishuBotJson,
} from './feishu-bot-fake-answer.js'

/**
 * Faults a fake custom bot can inject, on top of the common ones (`delay`, `html`, `broken-body`, `drop`).
 * @see README.md#custom-bot
 */
export type FeishuBotFault =
  | CommonFault
  /** Answers 11232 (frequency limited) without looking at the request. */
  | { kind: 'rate-limit' }
  /** Any custom-bot code (19022 IP not allowed, 9499, …) with this HTTP status (default 200). */
  | { kind: 'code'; code: number; status?: number }
  /** HTTP 5xx (default 500); with `delivered: true` the message is accepted first. */
  | { kind: 'server-error'; status?: number; delivered?: boolean }

/**
 * A fake custom bot: the checks of {@link createFeishuBotAnswer} over a webhook, an inbox, faults.
 * @see README.md#custom-bot
 */
export interface FeishuBotFake extends VendorFake<FeishuBotInboxEntry, FeishuBotFault> {
  mswHandlers(baseURL?: string): HttpHandler[]
  readonly token: string
  readonly secret: string | undefined
  /** The webhook address a bot uses: `https://open.feishu.cn/open-apis/bot/v2/hook/<token>`. */
  readonly webhook: string
}

/**
 * Creates a fake Feishu custom bot that verifies `sign` and `timestamp` exactly as the bot does,
 * checks each `msg_type`'s shape and the 20 KB limit (9499), keywords (19024), and 5/s and 100/min
 * (11232). Serve `handle` on 127.0.0.1 with `serve` and point the bot's `baseURL` at it.
 * @see README.md#custom-bot
 */
export function createFeishuBotFake(options: FeishuBotFakeOptions = {}): FeishuBotFake {
  const base = createVendorFake<FeishuBotInboxEntry, FeishuBotFault>({
    defaultBaseURL: 'https://open.feishu.cn',
    answer: answerWithFault,
    reset: () => bot.reset(),
  })
  const bot = createFeishuBotAnswer(options, base.inbox)

  async function answerWithFault(request: Request, _recorded: unknown, fault: FeishuBotFault | undefined) {
    const answer = () => bot.answer(request)
    if (!fault) return answer()
    switch (fault.kind) {
      case 'rate-limit':
        return feishuBotJson(11232)
      case 'code':
        return feishuBotJson(fault.code, fault.status)
      case 'server-error': {
        if (fault.delivered) await answer()
        return new Response('{"code":500,"msg":"internal error"}', {
          status: fault.status ?? 500,
          headers: { 'content-type': 'application/json' },
        })
      }
      default:
        return (await applyCommonFault(fault, answer)) ?? answer()
    }
  }

  return {
    ...base,
    token: bot.token,
    secret: options.secret,
    webhook: `https://open.feishu.cn${feishuBotHookPath}${bot.token}`,
  }
}
