import { randomHex, toHex } from '@msg/core'

/** The headers that sign one attempt. */
export type SignatureHeaders = {
  AppKey: string
  Nonce: string
  CurTime: string
  CheckSum: string
}

/**
 * NetEase's CheckSum: lowercase hex SHA-1 of `appSecret + nonce + curTime` (UTF-8), computed with
 * WebCrypto so it runs in every runtime.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export async function createCheckSum(appSecret: string, nonce: string, curTime: string): Promise<string> {
  return toHex(
    new Uint8Array(
      await crypto.subtle.digest('SHA-1', new TextEncoder().encode(appSecret + nonce + curTime)),
    ),
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
