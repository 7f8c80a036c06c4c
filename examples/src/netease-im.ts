// Send one text through NetEase Yunxin IM. Run: node examples/dist/netease-im.js "hello"
//   NETEASE_IM_APP_KEY, NETEASE_IM_APP_SECRET   from the Yunxin console
//   NETEASE_IM_FROM, NETEASE_IM_TO              sender and receiver account ids (p2p)
//   NETEASE_IM_BASE_URL                         optional: `msg sandbox`'s URL to try it locally
import { createNeteaseIm } from '@msg/netease-im'

const env = process.env
const im = createNeteaseIm({
  appKey: env.NETEASE_IM_APP_KEY ?? '',
  appSecret: env.NETEASE_IM_APP_SECRET ?? '',
  ...(env.NETEASE_IM_BASE_URL ? { baseURL: env.NETEASE_IM_BASE_URL } : {}),
})
const target = { from: env.NETEASE_IM_FROM ?? '', to: env.NETEASE_IM_TO ?? '', type: 'p2p' as const }
const sent = await im.sendText(target, process.argv[2] ?? 'Hello from @msg/netease-im')
// message_server_id is a 64-bit integer: it arrives as an exact decimal string.
console.log(`netease-im message id ${sent.messageId}`)
