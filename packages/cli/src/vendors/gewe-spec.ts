import { optionalFlag, requireCredential, requireFlag } from './require-flag.js'
import { sendableMessage } from './sendable-message.js'
import type { VendorSpec } from './vendor-spec.js'

/** `msg send gewe`: chat text (`message/postText`) or a Channels private letter (`finder/postPrivateLetter`). */
export const geweSpec: VendorSpec = {
  vendor: 'gewe',
  title: 'GeWe, the WeChat automation service',
  baseUrlEnv: 'GEWE_BASE_URL',
  targetFlags: [
    { name: 'app-id', description: 'the logged-in device (appId), always required' },
    { name: 'to-wxid', description: 'chat text: friend wxid or …@chatroom' },
    { name: 'ats', description: 'chat text: wxids to mention, comma-separated, or notify@all' },
    { name: 'to-user-name', description: 'Channels private letter: recipient (…@finder)' },
    { name: 'my-user-name', description: 'Channels private letter: your own Channels username' },
    { name: 'msg-session-id', description: 'Channels private letter: session (…@findermsg)' },
  ],
  contentFlags: [],
  optionFlags: [],
  credentials: [
    { flag: 'token', env: 'GEWE_TOKEN', description: 'the X-GEWE-TOKEN from the GeWe console', secret: true },
  ],
  examples: [
    'GEWE_TOKEN=… msg send gewe --app-id wx_device --to-wxid wxid_friend --text "hello"',
    'msg send gewe --app-id wx_device --to-user-name v2_x@finder --my-user-name v2_me@finder --msg-session-id s@findermsg --text "hi"',
  ],
  async prepare(input) {
    const appId = requireFlag(input, 'app-id', 'target')
    const toUserName = optionalFlag(input, 'to-user-name')
    const target =
      toUserName === undefined
        ? {
            appId,
            toWxid: requireFlag(
              input,
              'to-wxid',
              'target (--to-wxid, or --to-user-name for a private letter)',
            ),
            ...optionalEntry('ats', optionalFlag(input, 'ats')),
          }
        : {
            appId,
            finder: {
              toUserName,
              myUserName: requireFlag(input, 'my-user-name', 'target'),
              msgSessionId: requireFlag(input, 'msg-session-id', 'target'),
            },
          }
    const token = requireCredential(geweSpec, input, 'token')
    const { createGewe } = await import('@msg/gewe')
    const client = createGewe({ token, ...input.transport })
    const message = sendableMessage(input)
    return (options) => client.channel(target).send(message, options)
  },
}

function optionalEntry<Key extends string>(key: Key, value: string | undefined): { [K in Key]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: string }
}
