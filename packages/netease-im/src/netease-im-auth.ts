import { type AttemptCredentials, type RequestAuth, randomHex, toHex } from '@msg/core'

/** The headers that sign one attempt. */
export type SignatureHeaders = {
  AppKey: string
  Nonce: string
  CurTime: string
  CheckSum: string
}

/**
 * NetEase's CheckSum: lowercase hex SHA-1 of `appSecret + nonce + curTime` (UTF-8), computed with
 * WebCrypto so it runs in every runtime. Throws where WebCrypto has no `crypto.subtle` (a browser page
 * outside a secure context).
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export async function createCheckSum(appSecret: string, nonce: string, curTime: string): Promise<string> {
  const { subtle } = crypto
  if (!subtle) throw new Error('no crypto.subtle to sign with')
  return toHex(
    new Uint8Array(await subtle.digest('SHA-1', new TextEncoder().encode(appSecret + nonce + curTime))),
  )
}

/**
 * Fresh signature headers for one attempt: a new 32-hex-character `Nonce`, `CurTime` in Unix seconds
 * (shifted by `clockOffsetMs`) and the matching `CheckSum`. Never reuse them for another attempt.
 * Also what a signing proxy adds to a browser's unsigned request.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export async function createSignatureHeaders(credentials: {
  appKey: string
  appSecret: string
  clockOffsetMs?: number | undefined
}): Promise<SignatureHeaders> {
  const Nonce = randomHex(16)
  const CurTime = String(Math.floor((Date.now() + (credentials.clockOffsetMs ?? 0)) / 1000))
  const CheckSum = await createCheckSum(credentials.appSecret, Nonce, CurTime)
  return { AppKey: credentials.appKey, Nonce, CurTime, CheckSum }
}

/**
 * The client's credentials for the transport: fresh signature headers before every attempt when it
 * has the app secret; only `AppKey` (when given) or nothing when a proxy of yours signs. A signature
 * that cannot be computed ends the call as not sent. Nothing to refresh: every attempt signs anew.
 */
export function createNeteaseImAuth(credentials: {
  appKey?: string | undefined
  appSecret?: string | undefined
  clockOffsetMs?: number | undefined
}): RequestAuth {
  const { appKey, appSecret, clockOffsetMs } = credentials
  return {
    credentials: async (): Promise<AttemptCredentials> => ({
      headers:
        appKey !== undefined && appSecret !== undefined
          ? await createSignatureHeaders({ appKey, appSecret, clockOffsetMs })
          : appKey === undefined
            ? {}
            : { AppKey: appKey },
    }),
  }
}
