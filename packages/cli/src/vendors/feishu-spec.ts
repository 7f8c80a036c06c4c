import { UsageError } from '../usage-error.js'
import { onlyContentFlag } from './content-flags.js'
import { optionalFlag, requireCredential } from './require-flag.js'
import { sendableMessage } from './sendable-message.js'
import type { SendInput, VendorSpec } from './vendor-spec.js'

const receivers = [
  ['chat-id', 'chatId'],
  ['open-id', 'openId'],
  ['user-id', 'userId'],
  ['union-id', 'unionId'],
  ['email', 'email'],
] as const

/** `msg send feishu`: im/v1 text to a chat or a user, with a de-duplication uuid reused on retries. */
export const feishuSpec: VendorSpec = {
  vendor: 'feishu',
  title: 'Feishu / Lark open platform',
  baseUrlEnv: 'FEISHU_BASE_URL',
  targetFlags: [
    { name: 'chat-id', description: 'a group chat (oc_…)' },
    { name: 'open-id', description: 'a user by open_id (ou_…)' },
    { name: 'user-id', description: 'a user by user_id' },
    { name: 'union-id', description: 'a user by union_id (on_…)' },
    { name: 'email', description: 'a user by email' },
    { name: 'reply-to', description: 'reply in the thread of this message id (om_…)' },
  ],
  contentFlags: [
    { name: 'image', description: 'an image file: uploaded (im/v1/images), then sent as an image message' },
    { name: 'card', description: 'a card JSON file (card JSON 2.0, or { type: "template", data } …)' },
    { name: 'post', description: 'a post JSON file ({ zh_cn: { title, content } })' },
  ],
  optionFlags: [{ name: 'domain', description: 'feishu (default) or lark' }],
  credentials: [
    { flag: 'app-id', env: 'FEISHU_APP_ID', description: 'app id (cli_…)', secret: false },
    { flag: 'app-secret', env: 'FEISHU_APP_SECRET', description: 'app secret', secret: true },
    {
      flag: 'tenant-access-token',
      env: 'FEISHU_TENANT_ACCESS_TOKEN',
      description: 'a pre-issued token instead of app id + secret',
      secret: true,
    },
  ],
  examples: [
    'FEISHU_APP_ID=cli_… FEISHU_APP_SECRET=… msg send feishu --chat-id oc_123 --text "deploy done"',
    'echo "from stdin" | msg send feishu --email ops@example.com --text - --json',
  ],
  async prepare(input) {
    const given = receivers.filter(([flag]) => optionalFlag(input, flag) !== undefined)
    if (given.length !== 1)
      throw new UsageError(
        'feishu needs exactly one target: --chat-id, --open-id, --user-id, --union-id or --email',
        'send',
      )
    const [flag, key] = given[0]!
    const replyTo = optionalFlag(input, 'reply-to')
    const target = { [key]: optionalFlag(input, flag)!, ...(replyTo === undefined ? {} : { replyTo }) }
    const domain = optionalFlag(input, 'domain')
    if (domain !== undefined && domain !== 'feishu' && domain !== 'lark')
      throw new UsageError(`--domain must be feishu or lark, got "${domain}"`, 'send')
    const token = input.credential('tenant-access-token')
    const credentials = token
      ? { tenantAccessToken: token }
      : {
          appId: requireCredential(feishuSpec, input, 'app-id'),
          appSecret: requireCredential(feishuSpec, input, 'app-secret'),
        }
    const { createFeishu } = await import('@msg/feishu')
    const client = createFeishu({ ...credentials, ...(domain ? { domain } : {}), ...input.transport })
    const content = await feishuContent(input)
    if (!content) {
      const message = sendableMessage(input)
      return (options) => client.channel(target as never).send(message, options)
    }
    return async (options) => {
      if (content.msg_type !== 'image') return client.sendMessage(target as never, content as never, options)
      const { image_key } = await client.im.image.create(
        { data: { image_type: 'message', image: content.bytes } },
        options,
      )
      return client.sendMessage(target as never, { msg_type: 'image', content: { image_key } }, options)
    }
  },
}

/** What `--image`, `--card` or `--post` asks to send (read before anything is sent), if one is given. */
async function feishuContent(input: SendInput) {
  const flag = onlyContentFlag(input, ['image', 'card', 'post'])
  if (flag === 'image') return { msg_type: 'image' as const, bytes: await input.readFile('image') }
  if (flag === 'card') return { msg_type: 'interactive' as const, content: await input.readJson('card') }
  if (flag === 'post') return { msg_type: 'post' as const, content: await input.readJson('post') }
  return undefined
}
