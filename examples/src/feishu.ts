// Send one text to a Feishu group chat. Run: node examples/dist/feishu.js "deploy done"
//   FEISHU_APP_ID, FEISHU_APP_SECRET  app credentials (open.feishu.cn → your app → Credentials)
//   FEISHU_CHAT_ID                    the chat (oc_…); the app must be in it
//   FEISHU_BASE_URL                   optional: a proxy, or `msg sandbox`'s URL to try it locally
import { createFeishu } from '@msg/feishu'

const { FEISHU_APP_ID = '', FEISHU_APP_SECRET = '', FEISHU_CHAT_ID = '', FEISHU_BASE_URL } = process.env

const feishu = createFeishu({
  appId: FEISHU_APP_ID,
  appSecret: FEISHU_APP_SECRET,
  ...(FEISHU_BASE_URL ? { baseURL: FEISHU_BASE_URL } : {}),
})
const sent = await feishu.sendText({ chatId: FEISHU_CHAT_ID }, process.argv[2] ?? 'Hello from @msg/feishu')
console.log(`feishu message id ${sent.messageId}`)
