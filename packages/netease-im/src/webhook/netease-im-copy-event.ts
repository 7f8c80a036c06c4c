/**
 * Any verified copy (抄送) in NetEase's own field names, exactly as received: values are strings as
 * documented, except that integers NetEase sends as JSON numbers stay numbers when they fit a double
 * and become exact decimal strings when they do not (`msgidServer` beyond 2^53 never loses a digit).
 * `eventType` says what it is (see {@link neteaseImCopyEventTypes}); it may arrive as a string or a number.
 * @see https://doc.yunxin.163.com/messaging/guide/TcxNzU4NzU
 */
export interface NeteaseImCopyEvent {
  eventType: string | number
  [field: string]: unknown
}

/**
 * `eventType` "1": a conversation message (one-to-one, team, or a custom system notification).
 * @see https://doc.yunxin.163.com/messaging2/server-apis/jY5MDk1NTQ
 */
export interface NeteaseImConversationMessageCopy extends NeteaseImCopyEvent {
  eventType: '1' | 1
  /** `PERSON` and `TEAM` are messages; `CUSTOM_PERSON` and `CUSTOM_TEAM` custom system notifications. */
  convType: 'PERSON' | 'TEAM' | 'CUSTOM_PERSON' | 'CUSTOM_TEAM' | (string & {})
  /** The receiving account (accid), or the team id (tid) for a team conversation. */
  to: string
  fromAccount: string
  /** AOS, IOS, PC, WINPHONE, WEB or REST. */
  fromClientType?: string
  fromDeviceId?: string
  fromNick?: string
  /** Milliseconds since the epoch, as a string. */
  msgTimestamp?: string
  /** TEXT, PICTURE, AUDIO, VIDEO, LOCATION, NOTIFICATION, FILE, TIPS, CUSTOM, … */
  msgType: string
  /** The text of a TEXT message. */
  body?: string
  /** The attachment, a string (usually JSON) to parse yourself. */
  attach?: string
  msgidClient?: string
  /** The server's message id, a 64-bit integer as an exact string. */
  msgidServer: string
  /** "1" when the client sent the message again. */
  resendFlag?: string
  ext?: string
}

/**
 * `eventType` "2" (login) or "3" (logout). They may arrive out of order or not at all: order them by
 * `timestamp`, never by arrival.
 * @see https://doc.yunxin.163.com/messaging/guide/TcxNzU4NzU
 */
export interface NeteaseImLoginCopy extends NeteaseImCopyEvent {
  eventType: '2' | '3' | 2 | 3
  accid: string
  clientIp?: string
  clientType?: string
  code?: string
  sdkVersion?: string
  deviceId?: string
  customTag?: string
  /** Milliseconds since the epoch, as a string. */
  timestamp: string
}

/**
 * The copy event types NetEase IM documents, by `eventType` value (compare with `String(event.eventType)`).
 * Some need enabling separately in the console (login and logout, for one).
 * @see https://doc.yunxin.163.com/messaging/guide/TcxNzU4NzU
 */
export const neteaseImCopyEventTypes = {
  conversationMessage: '1',
  login: '2',
  logout: '3',
  chatroomMessage: '4',
  audioVideoDuration: '5',
  audioVideoInfo: '6',
  p2pRecall: '7',
  teamRecall: '8',
  chatroomInOut: '9',
  ecp: '10',
  smsReceipt: '11',
  smsReply: '12',
  audioVideoRoomInOut: '13',
  chatroomQueue: '14',
} as const
