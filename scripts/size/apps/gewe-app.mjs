// Size budget app for @msg/gewe: one sendText, bundled for the browser with every dependency.
import { createGewe } from '@msg/gewe'

const gewe = createGewe({ token: 'console-token', dangerouslyAllowBrowser: true })
void gewe.sendText({ appId: 'wx_app', toWxid: 'wxid_friend' }, 'hello')
