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
import { type FxiaokeSendResult, type FxiaokeTextMessage, sendMessage } from './message/send.js'
import { version } from './version.js'

/**
 * A Fxiaoke OpenAPI client.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export interface FxiaokeClient {
  message: {
    /** `POST /cgi/message/send`: one text to 1–500 recipients → `{ traceId }`. */
    send(body: FxiaokeTextMessage, options?: CallOptions): Promise<FxiaokeSendResult>
  }
  /** Sends a text to any number of recipients, in consecutive batches of 500. */
  sendText(target: FxiaokeTarget, text: string, options?: CallOptions): Promise<FxiaokeSentMessage>
  /** A `TextChannel` to `target`, for `withFallback` and `broadcast`. */
  channel(target: FxiaokeTarget): TextChannel
}

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
  const context: FxiaokeContext = { http, legacy, userId: settings.userId }
  const sendText = (target: FxiaokeTarget, text: string, options?: CallOptions) =>
    sendFxiaokeText(context, target, text, options)
  return {
    message: {
      send: async (body, options) => (await sendMessage(context, body, options)).data,
    },
    sendText,
    channel: textChannels('fxiaoke', sendText),
  }
}
