// Size budget app for @msg/feishu/bot: one signed text through a custom bot's webhook, bundled for the
// browser with every dependency.
import { createFeishuBot } from '@msg/feishu/bot'

const bot = createFeishuBot({
  webhook: 'https://open.feishu.cn/open-apis/bot/v2/hook/00000000-0000-0000-0000-000000000000',
  secret: 'secret',
})
void bot.sendText('hello')
