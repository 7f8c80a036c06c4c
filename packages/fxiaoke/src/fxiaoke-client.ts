import {
  assertServerSideSecret,
  type CachedToken,
  type CallOptions,
  createHttpClient,
  createTokenCache,
  type TextChannel,
  validateInput,
  withTokenRefresh,
} from '@msg/core'
import { requestCorpAccessToken } from './corp-access-token/get-v2.js'
import type { FxiaokeContext } from './fxiaoke-context.js'
import { type FxiaokeSettings, fxiaokeCloudHosts, fxiaokeSettingsSchema } from './fxiaoke-settings.js'
import {
  type FxiaokeSentMessage,
  type FxiaokeTarget,
  fxiaokeChannel,
  sendTextInBatches,
} from './fxiaoke-text-channel.js'
import { type FxiaokeSendResult, type FxiaokeTextMessage, sendMessage } from './message/send.js'
import { requestAccessToken } from './oauth2/token.js'
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

/** A short, non-reversible tag of the permanent code, so tenants of one app never share a token. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0
  }
  return hash.toString(36)
}

/**
 * Creates a Fxiaoke client from app credentials (`{ appId, appSecret, permanentCode }`: the token
 * is fetched, cached, refreshed at 6650 s of age and refreshed once on 20016) or a pre-issued
 * `{ accessToken, ea }`. Invalid settings throw a `ValidationError`.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export function createFxiaoke(settings: FxiaokeSettings): FxiaokeClient {
  validateInput(fxiaokeSettingsSchema(settings), settings, { vendor: 'fxiaoke', operation: 'createFxiaoke' })
  const app = 'appSecret' in settings ? settings : undefined
  assertServerSideSecret({
    vendor: 'fxiaoke',
    setting: 'appSecret',
    present: app !== undefined,
    dangerouslyAllowBrowser: settings.dangerouslyAllowBrowser,
  })
  const legacy = settings.authMode === 'legacy'
  const defaultBaseURL = fxiaokeCloudHosts[settings.cloud ?? 'fxiaoke']
  let latest = 'accessToken' in settings ? settings.accessToken : ''
  const http = createHttpClient({
    vendor: 'fxiaoke',
    version,
    defaultBaseURL,
    settings,
    secrets: () => [latest, app?.appSecret ?? '', app?.permanentCode ?? ''],
  })
  const use = (token: CachedToken) => {
    latest = token.value
    return token
  }
  let withToken: FxiaokeContext['withToken']
  if (app) {
    const { appId, appSecret, permanentCode } = app
    const credentials = { appId, appSecret, permanentCode }
    const cache = createTokenCache({
      key: `@msg/fxiaoke:${legacy ? 'legacy' : 'v2'}:${settings.baseURL ?? defaultBaseURL}:${appId}:${fingerprint(permanentCode)}`,
      fetch: () => (legacy ? requestCorpAccessToken : requestAccessToken)(http, credentials),
      store: app.tokenStore,
      marginMs: app.tokenMarginMs ?? 550_000,
      warn: http.warn,
    })
    withToken = (attempt) => withTokenRefresh(cache, (token) => attempt(use(token)))
  } else {
    const { accessToken, ea } = settings as { accessToken: string; ea: string }
    const token = { value: accessToken, expiresAt: Infinity, refreshAt: Infinity, extra: { ea } }
    withToken = (attempt) => attempt(token)
  }
  const context: FxiaokeContext = { http, legacy, userId: settings.userId, withToken }
  return {
    message: {
      send: async (body, options) => (await sendMessage(context, body, options)).data,
    },
    sendText: (target, text, options) => sendTextInBatches(context, target, text, options),
    channel: (target) => fxiaokeChannel(context, target),
  }
}
