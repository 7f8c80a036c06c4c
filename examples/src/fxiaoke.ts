// Send one text to Fxiaoke (ShareCRM) users. Run: node examples/dist/fxiaoke.js "hello"
//   FXIAOKE_APP_ID, FXIAOKE_APP_SECRET, FXIAOKE_PERMANENT_CODE   app credentials
//   FXIAOKE_USER_ID    optional: the acting CRM user (a CRM admin is recommended)
//   FXIAOKE_TO_USER    recipients, comma-separated
//   FXIAOKE_BASE_URL   optional: `msg sandbox`'s URL to try it locally
import { createFxiaoke } from '@msg/fxiaoke'

const env = process.env
const fxiaoke = createFxiaoke({
  appId: env.FXIAOKE_APP_ID ?? '',
  appSecret: env.FXIAOKE_APP_SECRET ?? '',
  permanentCode: env.FXIAOKE_PERMANENT_CODE ?? '',
  ...(env.FXIAOKE_USER_ID ? { userId: env.FXIAOKE_USER_ID } : {}),
  ...(env.FXIAOKE_BASE_URL ? { baseURL: env.FXIAOKE_BASE_URL } : {}),
})
const toUser = (env.FXIAOKE_TO_USER ?? '').split(',').filter(Boolean)
const sent = await fxiaoke.sendText({ toUser }, process.argv[2] ?? 'Hello from @msg/fxiaoke')
// Fxiaoke answers with a trace id only (no message id): keep it for support tickets.
console.log(`fxiaoke trace id ${sent.requestId}`)
