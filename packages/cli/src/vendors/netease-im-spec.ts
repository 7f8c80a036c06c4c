import { UsageError } from '../usage-error.js'
import { onlyContentFlag } from './content-flags.js'
import { optionalFlag, requireCredential, requireFlag } from './require-flag.js'
import { sendableMessage } from './sendable-message.js'
import type { VendorSpec } from './vendor-spec.js'

const conversationTypes = ['p2p', 'team', 'superteam'] as const

/** `msg send netease-im`: a text message (type 0) with a de-duplication id reused on retries. */
export const neteaseImSpec: VendorSpec = {
  vendor: 'netease-im',
  title: 'NetEase Yunxin IM server API v2',
  baseUrlEnv: 'NETEASE_IM_BASE_URL',
  targetFlags: [
    { name: 'from', description: 'sender account id' },
    { name: 'to', description: 'receiver account id, or team id' },
    { name: 'type', description: 'p2p (default), team or superteam' },
  ],
  contentFlags: [
    {
      name: 'message-type',
      description:
        'a message_type (1 image, 2 voice, 3 video, 4 location, 6 file, 100 custom) with --attachment',
    },
    { name: 'attachment', description: 'the attachment JSON file of --message-type' },
  ],
  optionFlags: [],
  credentials: [
    { flag: 'app-key', env: 'NETEASE_IM_APP_KEY', description: 'AppKey', secret: true },
    { flag: 'app-secret', env: 'NETEASE_IM_APP_SECRET', description: 'AppSecret', secret: true },
  ],
  examples: [
    'NETEASE_IM_APP_KEY=… NETEASE_IM_APP_SECRET=… msg send netease-im --from alice --to bob --text "hi"',
    'msg send netease-im --from bot --to 123456 --type team --text "standup in 5"',
  ],
  async prepare(input) {
    const from = requireFlag(input, 'from', 'sender')
    const to = requireFlag(input, 'to', 'target')
    const type = optionalFlag(input, 'type') ?? 'p2p'
    if (!(conversationTypes as readonly string[]).includes(type))
      throw new UsageError(`--type must be p2p, team or superteam, got "${type}"`, 'send')
    const appKey = requireCredential(neteaseImSpec, input, 'app-key')
    const appSecret = requireCredential(neteaseImSpec, input, 'app-secret')
    const { conversationId, createNeteaseIm } = await import('@msg/netease-im')
    const client = createNeteaseIm({ appKey, appSecret, ...input.transport })
    const target = { from, to, type: type as (typeof conversationTypes)[number] }
    if (onlyContentFlag(input, ['message-type'], { 'message-type': 'text' }) !== undefined) {
      const raw = requireFlag(input, 'message-type', 'message type')
      const messageType = Number(raw)
      if (!Number.isInteger(messageType))
        throw new UsageError(`--message-type must be a number, got "${raw}"`, 'send')
      const attachment = await input.readJson('attachment')
      const text = typeof input.message === 'string' ? { text: input.message } : {}
      const conversation = conversationId({ senderId: from, type: target.type, receiverId: to })
      return async (options) => {
        const sent = await client.conversation.sendMessage(
          conversation,
          { message: { message_type: messageType, attachment, ...text } as never },
          options,
        )
        return { vendor: 'netease-im', messageId: sent.message_server_id, raw: sent }
      }
    }
    const message = sendableMessage(input)
    return (options) => client.channel(target).send(message, options)
  },
}
