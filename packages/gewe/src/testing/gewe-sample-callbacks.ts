import type { GeweAddMsgCallback } from '../webhook/gewe-callback.js'

/**
 * The largest `NewMsgId` a signed 64-bit field holds, far beyond 2^53: pass it as `newMsgId` to
 * prove ids survive every hop exactly.
 * @see @msg/gewe README.md#receiving-callbacks
 */
export const geweMaxNewMsgId = '9223372036854775807'

/**
 * Options of {@link geweTextCallback}.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export interface GeweTextCallbackOptions {
  /** Default: a fresh random id above 2^62, so two samples are never duplicates. */
  newMsgId?: string
  /** Default: a fresh random 32-bit id. */
  msgId?: string
  /** The device. Default `wx_fake_app`. */
  appid?: string
  /** The account the device belongs to. Default `wxid_fake_bot`. */
  wxid?: string
  /** Who wrote it. Default `wxid_fake_friend`. */
  from?: string
  /** A `…@chatroom` id: the message then comes from the group, `from` as the Content prefix. */
  room?: string
  /** `ToUserName`. Default: the room for the account's own group message, else `wxid`. */
  to?: string
  /** Unix seconds. Default: now. */
  createTime?: number
}

const random64 = () => {
  const [high = 0, low = 0] = crypto.getRandomValues(new Uint32Array(2))
  return ((BigInt((high & 0x7fffffff) | 0x40000000) << 32n) | BigInt(low)).toString()
}

/**
 * A version 1 `AddMsg` text callback shaped like the example on GeWe's callback page (ids as decimal
 * strings; `geweCallbackJson` writes them as raw numbers). In a group, `FromUserName` is the room
 * and `Content` starts with `"<from>:\n"`; the account's own message (`from` = `wxid`) comes from
 * `wxid` to `to`.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export function geweTextCallback(text: string, options: GeweTextCallbackOptions = {}): GeweAddMsgCallback {
  const wxid = options.wxid ?? 'wxid_fake_bot'
  const from = options.from ?? 'wxid_fake_friend'
  const msgId = options.msgId ?? String(crypto.getRandomValues(new Uint32Array(1))[0] ?? 1)
  const self = from === wxid
  const nick = self ? '' : '昵称 : '
  return {
    TypeName: 'AddMsg',
    Appid: options.appid ?? 'wx_fake_app',
    Wxid: wxid,
    Data: {
      MsgId: msgId,
      FromUserName: { string: options.room && !self ? options.room : from },
      ToUserName: { string: options.to ?? (options.room && self ? options.room : wxid) },
      MsgType: 1,
      Content: { string: options.room && !self ? `${from}:\n${text}` : text },
      Status: 3,
      ImgStatus: 1,
      ImgBuf: { iLen: 0 },
      CreateTime: options.createTime ?? Math.floor(Date.now() / 1000),
      MsgSource: '<msgsource><signature>v1_fake</signature></msgsource>',
      PushContent: `${nick}${text}`,
      NewMsgId: options.newMsgId ?? random64(),
      MsgSeq: Number(msgId) % 1_000_000_000,
    },
  }
}

/**
 * The connectivity packet GeWe is reported to post after the callback URL is set
 * (`{ testMsg, token }`); a webhook answers it 200 without calling a handler.
 * @see https://apifox.com/apidoc/shared-993d830a-8c1a-4904-8291-005df3a8c61e/doc-3599831
 */
export function geweTestCallback(token = 'gewe-fake-token'): { testMsg: string; token: string } {
  return { testMsg: '回调地址链接成功！', token }
}
