import { randomHex } from '@msg/core'
import type { NeteaseImCopyInput } from './netease-im-deliver.js'

/**
 * The largest 64-bit `msgidServer` (2^63 − 1), far beyond exact doubles: a copy that keeps it keeps
 * every id.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/jY5MDk1NTQ
 */
export const neteaseImLargestMsgidServer = '9223372036854775807'

/** A random 63-bit id with its top bit set, as a decimal string. */
function randomMsgidServer(): string {
  return (2n ** 62n + (BigInt(`0x${randomHex(8)}`) & (2n ** 62n - 1n))).toString()
}

/**
 * Options of {@link neteaseImMessageCopy}.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/jY5MDk1NTQ
 */
export interface NeteaseImMessageCopyOptions {
  /** `PERSON` (default) or `TEAM`. */
  convType?: 'PERSON' | 'TEAM'
  /** Default `fake_sender`. */
  fromAccount?: string
  /** The receiving accid, or the tid of a team. Default `fake_bot` (`fake_team` for a team). */
  to?: string
  /**
   * Default: a fresh random id between 2^62 and 2^63 (beyond exact doubles); a `bigint` is sent as a
   * raw JSON number. {@link neteaseImLargestMsgidServer} is the extreme case.
   */
  msgidServer?: string | bigint
  /** Default `TEXT`. */
  msgType?: string
  /** Default: a fresh random id. */
  msgidClient?: string
}

/**
 * A conversation message copy (`eventType` "1") carrying `body` as a text, in NetEase's field names,
 * ready for `fake.deliver`.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/jY5MDk1NTQ
 */
export function neteaseImMessageCopy(
  body: string,
  options: NeteaseImMessageCopyOptions = {},
): NeteaseImCopyInput {
  const team = options.convType === 'TEAM'
  return {
    eventType: '1',
    convType: options.convType ?? 'PERSON',
    to: options.to ?? (team ? 'fake_team' : 'fake_bot'),
    fromAccount: options.fromAccount ?? 'fake_sender',
    fromClientType: 'WEB',
    fromDeviceId: 'fake-device',
    fromNick: 'Fake Sender',
    msgTimestamp: String(Date.now()),
    msgType: options.msgType ?? 'TEXT',
    body,
    attach: '',
    msgidClient: options.msgidClient ?? randomHex(16),
    msgidServer: options.msgidServer ?? randomMsgidServer(),
    resendFlag: '0',
    customSafeFlag: '0',
    customApnsText: '',
    ext: '',
    antispam: 'false',
    ip: '127.0.0.1',
  }
}

/**
 * A login (`eventType` "2") or logout ("3") copy for `accid`, as in NetEase's example.
 * @see https://doc.yunxin.163.com/messaging/guide/TcxNzU4NzU
 */
export function neteaseImLoginCopy(accid: string, kind: 'login' | 'logout' = 'login'): NeteaseImCopyInput {
  return {
    eventType: kind === 'login' ? '2' : '3',
    accid,
    clientIp: '127.0.0.1',
    clientType: 'AOS',
    code: '200',
    sdkVersion: '152',
    deviceId: 'fake-device',
    customTag: '',
    timestamp: String(Date.now()),
  }
}
