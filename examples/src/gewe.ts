// Send one WeChat text through GeWe. Run: node examples/dist/gewe.js "hello"
//   GEWE_TOKEN      the X-GEWE-TOKEN from the GeWe console (Token中心)
//   GEWE_APP_ID     the logged-in device (appId from the login flow)
//   GEWE_TO_WXID    a friend's wxid or a …@chatroom
//   GEWE_BASE_URL   optional: your deployment, or `msg sandbox`'s URL to try it locally
import { createGewe } from '@msg/gewe'

const { GEWE_TOKEN = '', GEWE_APP_ID = '', GEWE_TO_WXID = '', GEWE_BASE_URL } = process.env

const gewe = createGewe({ token: GEWE_TOKEN, ...(GEWE_BASE_URL ? { baseURL: GEWE_BASE_URL } : {}) })
const sent = await gewe.sendText(
  { appId: GEWE_APP_ID, toWxid: GEWE_TO_WXID },
  process.argv[2] ?? 'Hello from @msg/gewe',
)
// newMsgId is a 64-bit integer: it arrives as an exact decimal string.
console.log(`gewe message id ${sent.messageId}`)
