import {
  assertServerSideSecret,
  type CallOptions,
  createHttpClient,
  nonEmptyText,
  type SentMessage,
  type TextChannel,
  textChannels,
  validateInput,
} from '@msg/core'
import * as v from 'valibot'
import {
  type PostPrivateLetterBody,
  type PostPrivateLetterData,
  postPrivateLetter,
} from './finder/post-private-letter.js'
import { createGeweAuth } from './gewe-auth.js'
import type { GeweContext } from './gewe-context.js'
import { createPacer } from './gewe-pacing.js'
import { createRichLoader } from './gewe-rich-loader.js'
import {
  defaultBaseURL,
  defaultMaxContentLength,
  type GeweSettings,
  geweSettingsSchema,
} from './gewe-settings.js'
import { type GeweTarget, sendGeweText } from './gewe-text-channel.js'
import type { ForwardFileBody } from './message/forward-file.js'
import type { ForwardImageBody } from './message/forward-image.js'
import type { ForwardMiniAppBody } from './message/forward-mini-app.js'
import type { ForwardUrlBody } from './message/forward-url.js'
import type { ForwardVideoBody } from './message/forward-video.js'
import type { PostAppMsgBody } from './message/post-app-msg.js'
import type { PostEmojiBody } from './message/post-emoji.js'
import type { PostFileBody } from './message/post-file.js'
import type { PostImageBody } from './message/post-image.js'
import type { PostLinkBody } from './message/post-link.js'
import type { GewePostData } from './message/post-message.js'
import type { PostMiniAppBody } from './message/post-mini-app.js'
import type { PostNameCardBody } from './message/post-name-card.js'
import { type PostTextBody, type PostTextData, postText } from './message/post-text.js'
import type { PostVideoBody } from './message/post-video.js'
import type { PostVoiceBody } from './message/post-voice.js'
import type { RevokeMsgBody } from './message/revoke-msg.js'
import { version } from './version.js'

/**
 * A GeWe client: endpoint groups named after GeWe's URL areas, plus `sendText` and `channel`.
 * @see https://doc.geweapi.com/
 */
export interface GeweClient {
  finder: {
    /** `POST /finder/postPrivateLetter`: a Channels private-letter text → `{ newMsgId }`. */
    postPrivateLetter(body: PostPrivateLetterBody, options?: CallOptions): Promise<PostPrivateLetterData>
  }
  message: {
    /** `POST /message/postText`: a chat text → `{ toWxid, createTime, msgId, newMsgId, type }`. */
    postText(body: PostTextBody, options?: CallOptions): Promise<PostTextData>
    /** `POST /message/postImage`: an image by public URL → {@link GewePostData}. */
    postImage(body: PostImageBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/postFile`: a file by public URL, with its `fileName` → {@link GewePostData}. */
    postFile(body: PostFileBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/postLink`: a link card → {@link GewePostData}. */
    postLink(body: PostLinkBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/postVideo`: a video by public URL (`videoDuration` in seconds) → {@link GewePostData}. */
    postVideo(body: PostVideoBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/postVoice`: a SILK voice note by public URL (`voiceDuration` in ms) → {@link GewePostData}. */
    postVoice(body: PostVoiceBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/postNameCard`: a contact card → {@link GewePostData}. */
    postNameCard(body: PostNameCardBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/postEmoji`: a sticker by MD5 and size → {@link GewePostData}. */
    postEmoji(body: PostEmojiBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/postAppMsg`: an `<appmsg>` XML node → {@link GewePostData}. */
    postAppMsg(body: PostAppMsgBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/postMiniApp`: a mini-program card → {@link GewePostData}. */
    postMiniApp(body: PostMiniAppBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/forwardImage`: an image again from its CDN `xml` → {@link GewePostData}. */
    forwardImage(body: ForwardImageBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/forwardFile`: a file again from its CDN `xml` → {@link GewePostData}. */
    forwardFile(body: ForwardFileBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/forwardVideo`: a video again from its CDN `xml` → {@link GewePostData}. */
    forwardVideo(body: ForwardVideoBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/forwardUrl`: a link card again from its `xml` → {@link GewePostData}. */
    forwardUrl(body: ForwardUrlBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/forwardMiniApp`: a mini-program card again from its `xml` → {@link GewePostData}. */
    forwardMiniApp(body: ForwardMiniAppBody, options?: CallOptions): Promise<GewePostData>
    /** `POST /message/revokeMsg`: revokes a sent message by the `msgId`, `newMsgId` and `createTime` its send returned. */
    revokeMsg(body: RevokeMsgBody, options?: CallOptions): Promise<void>
  }
  /** Sends a text to a chat (`{ appId, toWxid, ats? }`) or a Channels letter (`{ appId, finder }`). */
  sendText(target: GeweTarget, text: string, options?: CallOptions): Promise<SentMessage>
  /**
   * The target as a `TextChannel` for `withFallback` and `broadcast`. A `Notice` with a `url` goes
   * out as a link card (`postLink`) when `noticeThumbUrl` is set, otherwise as text lines.
   */
  channel(target: GeweTarget): TextChannel
}

type Rich = typeof import('./rich.js')
/** The parameters of a rich function after the context the client passes. */
type RichArgs<Name extends keyof Rich> =
  Parameters<Rich[Name]> extends [GeweContext, ...infer Rest] ? Rest : never
type RichFunction = (context: GeweContext, ...rest: unknown[]) => Promise<unknown>

/** The rich `message/*` sends, named as GeWe's paths; their rules load with the rich code. */
const postOps = [
  'postImage',
  'postFile',
  'postLink',
  'postVideo',
  'postVoice',
  'postNameCard',
  'postEmoji',
  'postAppMsg',
  'postMiniApp',
  'forwardImage',
  'forwardFile',
  'forwardVideo',
  'forwardUrl',
  'forwardMiniApp',
] as const satisfies readonly Parameters<Rich['post']>[1][]

/**
 * Creates a GeWe client. Default base `http://api.geweapi.com/gewe/v2/api`; `baseURL` replaces the
 * whole prefix. Sends for one `appId` are paced (see README); GeWe sends are never retried after an
 * ambiguous failure, because GeWe has no idempotency key.
 * @see https://doc.geweapi.com/
 */
export function createGewe(settings: GeweSettings): GeweClient {
  validateInput(geweSettingsSchema, settings, { vendor: 'gewe', operation: 'createGewe' })
  assertServerSideSecret({
    vendor: 'gewe',
    setting: 'token',
    present: true,
    dangerouslyAllowBrowser: settings.dangerouslyAllowBrowser,
  })
  const http = createHttpClient({
    vendor: 'gewe',
    version,
    defaultBaseURL,
    settings,
    auth: createGeweAuth(settings.token),
  })
  const max = settings.maxContentLength ?? defaultMaxContentLength
  const context: GeweContext = {
    http,
    pacer: createPacer(settings.pacing),
    content: v.pipe(nonEmptyText, v.maxLength(max, `must be at most ${max} characters`)),
    proxyIp: settings.proxyIp,
    noticeThumbUrl: settings.noticeThumbUrl,
  }
  // Rich sends load their code on first use, a text-only app carries none of it; the loader keeps
  // every send in call order meanwhile, as the pacing queue promises.
  const loader = createRichLoader(() => import('./rich.js'))
  const rich =
    <Name extends keyof Rich>(name: Name) =>
    (...args: RichArgs<Name>): ReturnType<Rich[Name]> =>
      loader.withModule((module) => (module[name] as RichFunction)(context, ...args)) as ReturnType<
        Rich[Name]
      >
  const sendText = (target: GeweTarget, text: string, options?: CallOptions) =>
    loader.inOrder(() => sendGeweText(context, target, text, options))
  const post = rich('post')
  return {
    finder: {
      postPrivateLetter: (body, options) =>
        loader.inOrder(async () => (await postPrivateLetter(context, body, options)).data),
    },
    message: {
      postText: (body, options) => loader.inOrder(async () => (await postText(context, body, options)).data),
      ...(Object.fromEntries(
        postOps.map((op) => [op, (body: unknown, options?: CallOptions) => post(op, body, options)]),
      ) as Omit<GeweClient['message'], 'postText' | 'revokeMsg'>),
      revokeMsg: rich('revokeMsg'),
    },
    sendText,
    channel: textChannels('gewe', sendText, rich('sendNotice')),
  }
}
