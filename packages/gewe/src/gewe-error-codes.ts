import type { CodeClass } from '@msg/core'

/**
 * GeWe has no numeric error catalogue: every failure is `ret: 500` and the message text tells
 * them apart, so this "code table" matches text in `msg` and `data.msg`.
 *
 * Token missing or rejected: `X-GEWE-TOKEN=… 不可用或已过期`, `header:X-GEWE-TOKEN 不可为空`.
 * A GeWe token is minted in the console and cannot be refreshed by the client, so this is `auth`.
 * @see https://github.com/Devo919/Gewechat/issues/36
 */
const tokenRejected = /X-GEWE-TOKEN|不可用或已过期|不可为空/

/**
 * Account or device state refusals — nothing was sent, retrying cannot help:
 * 微信已离线 (offline, re-login needed), 请勿重复登录, [wx_…]设备不存在, 已达到最大客户端数量 (quota),
 * 创建设备失败.
 * @see https://doc.geweapi.com/ (开发指南/常见问题)
 */
const accountRefused = /微信已离线|请勿重复登录|设备不存在|最大客户端数量|创建设备失败/

/**
 * Classifies a GeWe failure by its text (`msg: data.msg: code data.code`), since every failure
 * shares `ret: 500`. Anything unrecognised — notably `ret: 500` with
 * `msg: null` — is `transient`: the gateway may have delivered it, so `delivery` is `unknown`.
 * @see https://doc.geweapi.com/
 */
export function classifyGeweCode(text: string): CodeClass {
  if (tokenRejected.test(text)) return 'auth'
  if (accountRefused.test(text)) return 'permanent'
  return 'transient'
}
