import { timingSafeEqual } from '@msg/core'
import { md5Hex } from '../md5.js'
import { createCheckSum } from '../netease-im-auth.js'

/**
 * The `CheckSum` header of a copy: lowercase hex `sha1(AppSecret + MD5 + CurTime)`, where `MD5` is the
 * `MD5` header (md5 hex of the raw body) and `CurTime` the `CurTime` header (milliseconds, unlike the
 * seconds of the server API). WebCrypto SHA-1, so it runs in every runtime.
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export function neteaseImCopyCheckSum(appSecret: string, md5: string, curTime: string): Promise<string> {
  return createCheckSum(appSecret, md5, curTime)
}

/**
 * What {@link verifyNeteaseImCopy} checks against.
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export interface CopyCredentials {
  appKey: string
  appSecret: string
  /** Largest accepted distance of `CurTime` from now, in ms; `undefined` checks no window. */
  curTimeToleranceMs: number | undefined
  now: () => number
}

/**
 * True when a copy is authentic: an `AppKey` header, where present, names this app; `MD5` equals the
 * md5 of the raw bytes; `CheckSum` equals {@link neteaseImCopyCheckSum}; and, with a tolerance set,
 * `CurTime` is that close to now. Header names are case-insensitive; hex compares in constant time.
 * @see https://doc.yunxin.163.com/messaging2/concept/jU5MzA5MDE
 */
export async function verifyNeteaseImCopy(
  headers: Headers,
  raw: Uint8Array,
  credentials: CopyCredentials,
): Promise<boolean> {
  const appKey = headers.get('appkey')
  const curTime = headers.get('curtime')
  const md5 = headers.get('md5')
  const checkSum = headers.get('checksum')
  if (appKey !== null && !timingSafeEqual(appKey, credentials.appKey)) return false
  if (curTime === null || curTime === '' || md5 === null || checkSum === null) return false
  const tolerance = credentials.curTimeToleranceMs
  if (tolerance !== undefined) {
    if (!/^\d{1,16}$/.test(curTime) || Math.abs(credentials.now() - Number(curTime)) > tolerance) return false
  }
  if (!timingSafeEqual(md5.toLowerCase(), md5Hex(raw))) return false
  const expected = await neteaseImCopyCheckSum(credentials.appSecret, md5, curTime)
  return timingSafeEqual(checkSum.toLowerCase(), expected)
}
