import { randomHex, sha1Hex } from '@msg/core'

/** The headers that sign one attempt. */
export type SignatureHeaders = {
  AppKey: string
  Nonce: string
  CurTime: string
  CheckSum: string
}

/**
 * NetEase's CheckSum: lowercase hex SHA-1 of `appSecret + nonce + curTime` (UTF-8), computed in
 * plain code (core's `sha1Hex`) so it runs in every runtime without WebCrypto's per-call cost.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export async function createCheckSum(appSecret: string, nonce: string, curTime: string): Promise<string> {
  return sha1Hex(appSecret + nonce + curTime)
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
  return {
    AppKey: credentials.appKey,
    Nonce,
    CurTime,
    CheckSum: sha1Hex(credentials.appSecret + Nonce + CurTime),
  }
}
