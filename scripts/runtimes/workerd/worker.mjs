// The Worker the workerd run serves: the built `@msg/feishu/webhook` (`@msg/fxiaoke/webhook` under
// `/fxiaoke/`, `@msg/gewe/webhook` under `/gewe/`, `@msg/netease-im/webhook` under `/netease-im/`)
// created at module scope, as a deployed bot would be, plus `GET /seen`, `GET /fxiaoke/seen`,
// `GET /gewe/seen` and `GET /netease-im/seen`, which list what the handlers recorded so the Node
// driver can check that a push reached them (or did not), and
// `GET /bot-checks`, which runs the built `@msg/feishu/bot` checks inside the Worker and lists their
// outcomes. Bundled by workerd-smoke.mjs.
import { createFeishuBot } from '@msg/feishu/bot'
import { createFeishuWebhook } from '@msg/feishu/webhook'
import { createFxiaokeWebhook } from '@msg/fxiaoke/webhook'
import { createGeweWebhook } from '@msg/gewe/webhook'
import { createNeteaseImWebhook } from '@msg/netease-im/webhook'
// The fake bot's answer alone: the rest of the testing kit carries Node-only servers.
import { createFeishuBotAnswer } from '../../../packages/feishu/dist/testing/feishu-bot-fake-answer.js'
import { botChecks } from '../../sandbox/feishu-bot-scenario.mjs'
import { recordingWebhook } from '../../sandbox/feishu-webhook-scenario.mjs'
import { recordingFxiaokeWebhook } from '../../sandbox/fxiaoke-webhook-scenario.mjs'
import { geweRecordingWebhook } from '../../sandbox/gewe-webhook-scenario.mjs'
import { recordingNeteaseImWebhook } from '../../sandbox/netease-im-webhook-scenario.mjs'

const { webhook, seen } = recordingWebhook(createFeishuWebhook)
const fxiaoke = recordingFxiaokeWebhook(createFxiaokeWebhook)
const gewe = geweRecordingWebhook(createGeweWebhook)
const neteaseIm = recordingNeteaseImWebhook(createNeteaseImWebhook)

export default {
  fetch(request, env, ctx) {
    const { pathname } = new URL(request.url)
    if (request.method === 'GET' && pathname === '/seen') return Response.json(seen)
    if (request.method === 'GET' && pathname === '/fxiaoke/seen') return Response.json(fxiaoke.seen)
    if (request.method === 'GET' && pathname === '/bot-checks') return botCheckResults()
    if (request.method === 'GET' && pathname === '/netease-im/seen') return Response.json(neteaseIm.seen)
    if (pathname.startsWith('/fxiaoke/')) return fxiaoke.webhook.fetch(request, env, ctx)
    if (request.method === 'GET' && pathname === '/gewe/seen') return Response.json(gewe.seen)
    if (pathname.startsWith('/gewe/')) return gewe.webhook.fetch(request, env, ctx)
    if (pathname.startsWith('/netease-im/')) return neteaseIm.webhook.fetch(request, env, ctx)
    return webhook.fetch(request, env, ctx)
  },
}

/** Runs the custom-bot checks inside the Worker (WebCrypto, fetch types) and lists their outcomes. */
async function botCheckResults() {
  const results = []
  await botChecks(
    async (name, run) => {
      try {
        results.push({ name, ok: true, detail: await run() })
      } catch (error) {
        results.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) })
      }
    },
    { createFeishuBot, createFeishuBotAnswer, prefix: 'feishu bot in workerd' },
  )
  return Response.json(results)
}
