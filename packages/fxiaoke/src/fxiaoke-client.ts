import {
  assertServerSideSecret,
  type CallOptions,
  createHttpClient,
  type HttpClient,
  type TextChannel,
  textChannels,
  validateInput,
} from '@msg/core'
import { createFxiaokeAuth } from './fxiaoke-auth.js'
import type { FxiaokeContext } from './fxiaoke-context.js'
import {
  type FxiaokeSettings,
  fxiaokeCloudHosts,
  fxiaokeSettingsSchema,
  isPreIssued,
} from './fxiaoke-settings.js'
import { type FxiaokeSentMessage, type FxiaokeTarget, sendFxiaokeText } from './fxiaoke-text-channel.js'
import type { FxiaokeMediaUpload, FxiaokeMediaUploadResult } from './media/upload.js'
import type { FxiaokeMessage } from './message/message-types.js'
import type { FxiaokeSendResult } from './message/send.js'
import { version } from './version.js'

/**
 * A Fxiaoke OpenAPI client.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export interface FxiaokeClient {
  message: {
    /**
     * `POST /cgi/message/send`: a `text`, `composite` or `articles` message, validated, then sent to
     * every recipient in batches of 500 → `{ traceId, batches }` (a failing batch of several: `BatchSendError`).
     */
    send(body: FxiaokeMessage, options?: CallOptions): Promise<FxiaokeSendResult>
  }
  media: {
    /** `POST /media/upload/message`: a JPG/PNG/GIF/BMP image ≤ 5 MB as multipart field `media` → `{ mediaId }`. */
    upload(input: FxiaokeMediaUpload, options?: CallOptions): Promise<FxiaokeMediaUploadResult>
  }
  /** Sends a text to any number of recipients, in consecutive batches of 500. */
  sendText(target: FxiaokeTarget, text: string, options?: CallOptions): Promise<FxiaokeSentMessage>
  /** A `TextChannel` to `target`, for `withFallback` and `broadcast`; a `Notice` with a url is a composite card. */
  channel(target: FxiaokeTarget): TextChannel
}

type Rich = typeof import('./rich.js')
/** The parameters of a rich function after the context the client passes. */
type RichArgs<Name extends keyof Rich> =
  Parameters<Rich[Name]> extends [FxiaokeContext, ...infer Rest] ? Rest : never

/**
 * Creates a Fxiaoke client from app credentials (`{ appId, appSecret, permanentCode }`: the token
 * is fetched, cached, refreshed at 6650 s of age and refreshed once on 20016) or a pre-issued
 * `{ accessToken, ea }`. Invalid settings throw a `ValidationError`.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export function createFxiaoke(settings: FxiaokeSettings): FxiaokeClient {
  validateInput(fxiaokeSettingsSchema, settings, { vendor: 'fxiaoke', operation: 'createFxiaoke' })
  const app = isPreIssued(settings) ? undefined : settings
  assertServerSideSecret({
    vendor: 'fxiaoke',
    setting: 'appSecret',
    present: 'appSecret' in settings,
    dangerouslyAllowBrowser: settings.dangerouslyAllowBrowser,
  })
  const legacy = settings.authMode === 'legacy'
  const defaultBaseURL = fxiaokeCloudHosts[settings.cloud ?? 'fxiaoke']
  const auth = createFxiaokeAuth(settings, {
    baseURL: settings.baseURL ?? defaultBaseURL,
    legacy,
    http: () => http,
  })
  const http: HttpClient = createHttpClient({
    vendor: 'fxiaoke',
    version,
    defaultBaseURL,
    settings,
    secrets: () => (app ? [app.appSecret, app.permanentCode] : []),
    auth,
  })
  const context: FxiaokeContext = { http, legacy, userId: settings.userId, auth }
  const sendText = (target: FxiaokeTarget, text: string, options?: CallOptions) =>
    sendFxiaokeText(context, target, text, options)
  const linkTitle = settings.noticeLinkTitle ?? '查看详情'
  // Rich sends, uploads and notices load their code on first use: a text-only app carries none of it.
  const rich =
    <Name extends keyof Rich>(name: Name) =>
    (...args: RichArgs<Name>): ReturnType<Rich[Name]> =>
      import('./rich.js').then((module) =>
        (module[name] as (context: FxiaokeContext, ...rest: unknown[]) => unknown)(context, ...args),
      ) as ReturnType<Rich[Name]>
  const sendNotice = rich('sendNotice')
  return {
    message: { send: rich('sendMessage') },
    media: { upload: rich('uploadMedia') },
    sendText,
    channel: textChannels('fxiaoke', sendText, (target, notice, options) =>
      sendNotice(target, notice, linkTitle, options),
    ),
  }
}
