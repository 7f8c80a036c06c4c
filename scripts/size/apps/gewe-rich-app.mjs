// Size budget app for @msg/gewe rich messages: one link card, bundled for the browser with every
// dependency (the lazily loaded rich code included).
import { createGewe } from '@msg/gewe'

const gewe = createGewe({ token: 'console-token', dangerouslyAllowBrowser: true })
void gewe.message.postLink({
  appId: 'wx_app',
  toWxid: 'wxid_friend',
  title: 'Release notes',
  desc: 'What changed',
  linkUrl: 'https://example.com/notes',
  thumbUrl: 'https://example.com/thumb.png',
})
