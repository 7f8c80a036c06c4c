// The Worker the workerd run serves: the built `@msg/feishu/webhook` created at module scope, as a
// deployed bot would be, plus `GET /seen`, which lists what its handlers recorded so the Node
// driver can check that a push reached them (or did not). Bundled by workerd-smoke.mjs.
import { createFeishuWebhook } from '@msg/feishu/webhook'
import { recordingWebhook } from '../../sandbox/feishu-webhook-scenario.mjs'

const { webhook, seen } = recordingWebhook(createFeishuWebhook)

export default {
  fetch(request, env, ctx) {
    if (request.method === 'GET' && new URL(request.url).pathname === '/seen') return Response.json(seen)
    return webhook.fetch(request, env, ctx)
  },
}
