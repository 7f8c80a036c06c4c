import {
  type AttemptCredentials,
  createTokenCache,
  type HttpClient,
  type RequestAuth,
  tokenAuth,
} from '@msg/core'
import { requestCorpAccessToken } from './corp-access-token/get-v2.js'
import { type FxiaokeSettings, isPreIssued } from './fxiaoke-settings.js'
import { requestAccessToken } from './oauth2/token.js'

/**
 * What {@link createFxiaokeAuth} needs besides the settings.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export interface FxiaokeAuthOptions {
  /** The base URL requests go to: part of the token cache key. */
  baseURL: string
  /** The legacy convention: `corpAccessToken`/`corpId` in the body instead of the v2 headers. */
  legacy: boolean
  /** The client's transport, read only when a token is fetched (it is itself built with this auth). */
  http: () => HttpClient
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
 * The credentials of every Fxiaoke request. With app credentials, the access token (`corpAccessToken`
 * in legacy mode) is fetched once, shared by concurrent callers, cached (in `tokenStore` when given),
 * refreshed `tokenMarginMs` (default 550 000 ms, i.e. at 6650 s of age) before it expires, and fetched
 * again once when Fxiaoke rejects it. A pre-issued `{ accessToken, ea }` is used as is, never refreshed.
 * v2 mode sends `authorization: Bearer …`, `x-fs-ea` and `x-fs-userid`; legacy mode adds
 * `corpAccessToken` and `corpId` to the top of the JSON body.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/auth/app-info.html
 */
export function createFxiaokeAuth(settings: FxiaokeSettings, options: FxiaokeAuthOptions): RequestAuth {
  const { legacy, http } = options
  const apply = (token: string, ea: string): Omit<AttemptCredentials, 'token'> =>
    legacy
      ? { body: { corpAccessToken: token, corpId: ea } }
      : {
          headers: { authorization: `Bearer ${token}`, 'x-fs-ea': ea, 'x-fs-userid': settings.userId ?? '' },
        }
  if (isPreIssued(settings)) {
    const fixed: AttemptCredentials = {
      ...apply(settings.accessToken, settings.ea),
      token: settings.accessToken,
    }
    return { credentials: () => fixed }
  }
  const { appId, appSecret, permanentCode, tokenStore, tokenMarginMs } = settings
  const credentials = { appId, appSecret, permanentCode }
  const cache = createTokenCache({
    key: `@msg/fxiaoke:${options.baseURL}:${appId}:${legacy ? 'legacy' : 'v2'}:${fingerprint(permanentCode)}`,
    fetch: () => (legacy ? requestCorpAccessToken : requestAccessToken)(http(), credentials),
    store: tokenStore,
    marginMs: tokenMarginMs ?? 550_000,
    warn: (message) => http().warn(message),
  })
  return tokenAuth(cache, (token) => apply(token.value, token.extra?.ea ?? ''))
}

/**
 * The same credentials for a multipart request: the fields legacy mode adds to a JSON body
 * (`corpAccessToken`, `corpId`) go in the query instead, as the upload endpoint takes them; headers
 * and the token (refreshed as before) are kept.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export function queryCredentials(auth: RequestAuth): RequestAuth {
  const move = ({ body, ...rest }: AttemptCredentials): AttemptCredentials =>
    body ? { ...rest, query: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)])) } : rest
  return {
    credentials: () => {
      const credentials = auth.credentials()
      return 'then' in credentials ? Promise.resolve(credentials).then(move) : move(credentials)
    },
    ...(auth.refresh ? { refresh: auth.refresh } : {}),
  }
}
