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
import {
  defaultBaseURL,
  defaultMaxContentLength,
  type GeweSettings,
  geweSettingsSchema,
} from './gewe-settings.js'
import { type GeweTarget, sendGeweText } from './gewe-text-channel.js'
import { type PostTextBody, type PostTextData, postText } from './message/post-text.js'
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
  }
  /** Sends a text to a chat (`{ appId, toWxid, ats? }`) or a Channels letter (`{ appId, finder }`). */
  sendText(target: GeweTarget, text: string, options?: CallOptions): Promise<SentMessage>
  /** The target as a `TextChannel` for `withFallback` and `broadcast`. */
  channel(target: GeweTarget): TextChannel
}

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
  }
  const sendText = (target: GeweTarget, text: string, options?: CallOptions) =>
    sendGeweText(context, target, text, options)
  return {
    finder: {
      postPrivateLetter: async (body, options) => (await postPrivateLetter(context, body, options)).data,
    },
    message: {
      postText: async (body, options) => (await postText(context, body, options)).data,
    },
    sendText,
    channel: textChannels('gewe', sendText),
  }
}
