import type { HttpClient } from '@msg/core'

/** What an endpoint function receives from the client. */
export interface NeteaseImContext {
  /** The transport, signing every attempt. */
  http: HttpClient
  /** Longest `message.text` of a text or tip message. */
  textLimit: number
  /** How long a 416 (app blocked for a minute) asks to wait before a retry. */
  rateLimitWaitMs: number
  /** Added to this machine's clock for `CurTime`, also when explaining a 414. */
  clockOffsetMs: number
}
