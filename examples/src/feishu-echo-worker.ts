// A Feishu echo bot as a Cloudflare Worker: "ping" gets "pong", any other text comes back echoed.
// Deploy with wrangler (main = this file); set as vars/secrets:
//   FEISHU_VERIFICATION_TOKEN, FEISHU_ENCRYPT_KEY  the event subscription's secrets
//   FEISHU_APP_ID, FEISHU_APP_SECRET               the app, for the reply
//   FEISHU_BASE_URL                                optional: msg sandbox's Feishu URL, to try it locally
import { createFeishu } from '@msg/feishu'
import { createFeishuWebhook } from '@msg/feishu/webhook'

interface Env {
  FEISHU_VERIFICATION_TOKEN: string
  FEISHU_ENCRYPT_KEY?: string
  FEISHU_APP_ID: string
  FEISHU_APP_SECRET: string
  FEISHU_BASE_URL?: string
}

function echoBot(env: Env) {
  const baseURL = env.FEISHU_BASE_URL ? { baseURL: env.FEISHU_BASE_URL } : {}
  return createFeishuWebhook({
    verificationToken: env.FEISHU_VERIFICATION_TOKEN,
    ...(env.FEISHU_ENCRYPT_KEY ? { encryptKey: env.FEISHU_ENCRYPT_KEY } : {}),
    client: createFeishu({ appId: env.FEISHU_APP_ID, appSecret: env.FEISHU_APP_SECRET, ...baseURL }),
    onMessage: async (message) => {
      await message.reply(message.text === 'ping' ? 'pong' : `echo: ${message.text ?? '(no text)'}`)
    },
  })
}

// One webhook per isolate, so its de-duplication memory and token cache outlive a request.
let bot: ReturnType<typeof echoBot> | undefined

export default {
  fetch(request: Request, env: Env, ctx: { waitUntil(promise: Promise<unknown>): void }) {
    bot ??= echoBot(env)
    return bot.fetch(request, env, ctx)
  },
}
