// One alert, four vendors at once: a Notice through broadcast, rendered natively by each (a Feishu
// card, a GeWe link message, a Fxiaoke composite message, a NetEase text). Prints every outcome;
// exits 1 if any vendor failed. Environment as in feishu.ts, gewe.ts, fxiaoke.ts and netease-im.ts.
// Run: node examples/dist/alert.js "db-1 disk at 91%" "https://status.example.com/db-1"
import { broadcast, MsgError } from '@msg/core'
import { createFeishu } from '@msg/feishu'
import { createFxiaoke } from '@msg/fxiaoke'
import { createGewe } from '@msg/gewe'
import { createNeteaseIm } from '@msg/netease-im'

const env = process.env
const base = (url: string | undefined) => (url ? { baseURL: url } : {})
const channels = [
  createFeishu({
    appId: env.FEISHU_APP_ID ?? '',
    appSecret: env.FEISHU_APP_SECRET ?? '',
    ...base(env.FEISHU_BASE_URL),
  }).channel({
    chatId: env.FEISHU_CHAT_ID ?? '',
  }),
  createGewe({ token: env.GEWE_TOKEN ?? '', ...base(env.GEWE_BASE_URL) }).channel({
    appId: env.GEWE_APP_ID ?? '',
    toWxid: env.GEWE_TO_WXID ?? '',
  }),
  createFxiaoke({
    appId: env.FXIAOKE_APP_ID ?? '',
    appSecret: env.FXIAOKE_APP_SECRET ?? '',
    permanentCode: env.FXIAOKE_PERMANENT_CODE ?? '',
    userId: env.FXIAOKE_USER_ID ?? '',
    ...base(env.FXIAOKE_BASE_URL),
  }).channel({ toUser: [env.FXIAOKE_TO_USER ?? ''] }),
  createNeteaseIm({
    appKey: env.NETEASE_IM_APP_KEY ?? '',
    appSecret: env.NETEASE_IM_APP_SECRET ?? '',
    ...base(env.NETEASE_IM_BASE_URL),
  }).channel({
    from: env.NETEASE_IM_FROM ?? '',
    to: env.NETEASE_IM_TO ?? '',
    type: 'p2p',
  }),
]

const [text = 'db-1 disk at 91%', url] = process.argv.slice(2)
const results = await broadcast(channels, { title: 'Alert', text, ...(url ? { url } : {}) })
for (const result of results) {
  if (result.ok) console.log(`${result.vendor} ok ${result.message.messageId ?? result.message.requestId}`)
  else {
    const { error } = result
    console.log(
      `${result.vendor} failed ${MsgError.isInstance(error) ? `${error.name}, delivery ${error.delivery}` : String(error)}`,
    )
    process.exitCode = 1
  }
}
