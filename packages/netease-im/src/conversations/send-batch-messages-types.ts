// Wire types of POST /im/v2/conversations/messages (one message to many p2p receivers), field names
// exactly as NetEase spells them.
// @see https://doc.commsease.com/messaging2/server-apis/zgzOTE1MTI

import type { MsgError } from '@msg/core'
import type { NeteaseImMessage } from './message-types.js'
import type {
  NeteaseImAntispamConfig,
  NeteaseImMessageConfig,
  NeteaseImPushConfig,
} from './send-message-types.js'

/**
 * The batch-send body. `receiver_ids` may be longer than the 100 NetEase takes per call: the client
 * sends consecutive calls of at most 100.
 * @see https://doc.commsease.com/messaging2/server-apis/zgzOTE1MTI
 */
export interface NeteaseImBatchMessagesBody {
  sender_id: string
  receiver_ids: readonly string[]
  /**
   * Leave `message_client_id` out when there are more than 100 receivers: each call then gets its
   * own (`idempotencyKey-<call number>` or a UUID), reused on that call's retries.
   */
  message: NeteaseImMessage
  message_config?: NeteaseImMessageConfig
  push_config?: NeteaseImPushConfig
  antispam_config?: NeteaseImAntispamConfig
  need_message_detail?: boolean
}

/**
 * A message NetEase created for one receiver (`success_list[]`); `message_server_id` exact.
 * @see https://doc.commsease.com/messaging2/server-apis/zgzOTE1MTI
 */
export interface NeteaseImBatchSuccess {
  message_server_id?: string
  message_client_id?: string
  sender_id?: string
  receiver_id?: string
  create_time?: number
  message_type?: number
  sub_type?: number
  text?: string
  attachment?: Record<string, unknown>
  [field: string]: unknown
}

/**
 * A receiver NetEase refused inside an accepted call (`failed_list[]`).
 * @see https://doc.commsease.com/messaging2/server-apis/zgzOTE1MTI
 */
export interface NeteaseImBatchFailure {
  receiver_id?: string
  error_code?: number
  error_msg?: string
  [field: string]: unknown
}

/**
 * The outcome of one call of at most 100 receivers. `sent`: NetEase accepted the call (its
 * `failed_list` may still refuse some receivers); `failed`: see `error` (its `delivery` says whether
 * it may have arrived); `skipped`: not attempted after an earlier call failed.
 * @see README.md#batch-send
 */
export interface NeteaseImBatchResult {
  receiver_ids: string[]
  status: 'sent' | 'failed' | 'skipped'
  /** The call's `X-custom-traceid`. */
  traceId?: string
  success_list?: NeteaseImBatchSuccess[]
  failed_list?: NeteaseImBatchFailure[]
  /** True when NetEase answered 107306: this call's `message_client_id` was delivered before. */
  duplicate?: true
  error?: MsgError
}

/**
 * What `sendBatchMessages` returns when every call was accepted: the lists of all calls, in order,
 * and one entry per call.
 * @see README.md#batch-send
 */
export interface NeteaseImBatchSent {
  success_list: NeteaseImBatchSuccess[]
  failed_list: NeteaseImBatchFailure[]
  batches: NeteaseImBatchResult[]
}
