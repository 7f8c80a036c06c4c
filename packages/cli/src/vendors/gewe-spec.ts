import { UsageError } from '../usage-error.js'
import { onlyContentFlag } from './content-flags.js'
import { optionalFlag, requireCredential, requireFlag } from './require-flag.js'
import { sendableMessage } from './sendable-message.js'
import type { SendInput, VendorSpec } from './vendor-spec.js'

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
  contentFlags: [
    { name: 'image-url', description: 'an image by public URL (message/postImage)' },
    { name: 'file-url', description: 'a file by public URL, with --file-name (message/postFile)' },
    { name: 'file-name', description: 'the file name shown for --file-url' },
    {
      name: 'link-url',
      description: 'a link card (message/postLink): --title, --text as its description, --thumb-url',
    },
    {
      name: 'thumb-url',
      description: 'the thumbnail of --link-url, or of a notice with --url (then sent as a link card)',
    },
  ],
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
    const noticeThumbUrl = optionalFlag(input, 'thumb-url')
    const client = createGewe({ token, ...(noticeThumbUrl ? { noticeThumbUrl } : {}), ...input.transport })
    const rich = geweContent(input)
    if (!rich) {
      const message = sendableMessage(input)
      return (options) => client.channel(target).send(message, options)
    }
    if (!('toWxid' in target))
      throw new UsageError('--image-url, --file-url and --link-url need --to-wxid', 'send')
    const chat = { appId: target.appId, toWxid: target.toWxid }
    return async (options) => {
      const sent =
        rich.kind === 'image'
          ? await client.message.postImage({ ...chat, imgUrl: rich.url }, options)
          : rich.kind === 'file'
            ? await client.message.postFile({ ...chat, fileUrl: rich.url, fileName: rich.fileName }, options)
            : await client.message.postLink({ ...chat, ...rich.link }, options)
      return { vendor: 'gewe', messageId: sent.newMsgId, raw: sent }
    }
  },
}

function optionalEntry<Key extends string>(key: Key, value: string | undefined): { [K in Key]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: string }
}

/** What `--image-url`, `--file-url` or `--link-url` asks to send, if one is given. */
function geweContent(input: SendInput) {
  const flag = onlyContentFlag(input, ['image-url', 'file-url', 'link-url'], { 'link-url': 'notice' })
  if (flag === undefined) return undefined
  const url = requireFlag(input, flag, flag)
  if (flag === 'image-url') return { kind: 'image' as const, url }
  if (flag === 'file-url')
    return { kind: 'file' as const, url, fileName: requireFlag(input, 'file-name', 'file name') }
  const notice = input.message
  if (typeof notice !== 'object' || notice.title === undefined)
    throw new UsageError('--link-url needs --title "…" and --text "…" (its description)', 'send')
  return {
    kind: 'link' as const,
    link: {
      title: notice.title,
      desc: notice.text,
      linkUrl: url,
      thumbUrl: requireFlag(input, 'thumb-url', 'thumbnail'),
    },
  }
}
