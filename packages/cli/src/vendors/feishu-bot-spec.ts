import { onlyContentFlag } from './content-flags.js'
import { requireCredential } from './require-flag.js'
import { sendableMessage } from './sendable-message.js'
import type { VendorSpec } from './vendor-spec.js'

/** `msg send feishu-bot`: a group's custom bot (its webhook URL), signed when the bot has a secret. */
export const feishuBotSpec: VendorSpec = {
  vendor: 'feishu',
  name: 'feishu-bot',
  title: 'Feishu / Lark custom bot (a group webhook)',
  baseUrlEnv: 'FEISHU_BOT_BASE_URL',
  targetFlags: [],
  optionFlags: [],
  contentFlags: [{ name: 'card', description: 'a card JSON file, sent as an interactive message' }],
  credentials: [
    {
      flag: 'webhook',
      env: 'FEISHU_BOT_WEBHOOK',
      description: 'https://open.feishu.cn/open-apis/bot/v2/hook/… (its token is a secret)',
      secret: true,
    },
    {
      flag: 'secret',
      env: 'FEISHU_BOT_SECRET',
      description: 'the signing secret (签名校验), if set',
      secret: true,
    },
  ],
  examples: [
    'FEISHU_BOT_WEBHOOK=https://open.feishu.cn/open-apis/bot/v2/hook/… msg send feishu-bot --text "deploy done"',
    'msg send feishu-bot --webhook "$HOOK" --secret "$SECRET" --title "Disk" --text "db-1 at 91%" --url https://status.example.com',
  ],
  async prepare(input) {
    const webhook = requireCredential(feishuBotSpec, input, 'webhook')
    const secret = input.credential('secret')
    const card = onlyContentFlag(input, ['card']) === undefined ? undefined : await input.readJson('card')
    const { createFeishuBot } = await import('@msg/feishu/bot')
    const bot = createFeishuBot({ webhook, ...(secret ? { secret } : {}), ...input.transport })
    if (card !== undefined) return (options) => bot.send({ msg_type: 'interactive', card } as never, options)
    const message = sendableMessage(input)
    return (options) => bot.channel().send(message, options)
  },
}
