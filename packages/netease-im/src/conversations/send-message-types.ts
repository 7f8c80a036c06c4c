// Wire types of POST /im/v2/conversations/{conversation_id}/messages, field names exactly as NetEase
// spells them (including `mutil_sync_enabled`).
// @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3

import type { NeteaseImMessage } from './message-types.js'

/** `message_config`; every flag defaults to true. @see https://yunxin-im.apifox.cn/api-146885002 */
export interface NeteaseImMessageConfig {
  unread_enabled?: boolean
  /** Spelled `mutil` on the wire. */
  mutil_sync_enabled?: boolean
  offline_enabled?: boolean
  history_enabled?: boolean
  roaming_enabled?: boolean
  conversation_update_enabled?: boolean
}

/** `route_config`. @see https://yunxin-im.apifox.cn/api-146885002 */
export interface NeteaseImRouteConfig {
  route_enabled?: boolean
  route_environment?: string
}

/** `push_config`. @see https://yunxin-im.apifox.cn/api-146885002 */
export interface NeteaseImPushConfig {
  push_enabled?: boolean
  push_nick_enabled?: boolean
  /** At most 500 characters. */
  push_content?: string
  /** A JSON object as a string, at most 2048 characters. */
  push_payload?: string | null
  push_forcepush_all?: boolean
  /** At most 100 account ids. */
  push_forcepush_ids?: string[]
  /** At most 500 characters. */
  push_forcepush_content?: string
  push_forcepush_enable?: boolean
}

/** `antispam_config`. @see https://yunxin-im.apifox.cn/api-146885002 */
export interface NeteaseImAntispamConfig {
  antispam_enabled?: boolean
  antispam_business_id?: string
  /** JSON string, at most 1024 characters. */
  antispam_extension?: string | null
  antispam_custom_message_enabled?: boolean
  antispam_custom_message?: string
  /** JSON string, at most 1024 characters. */
  antispam_cheating?: string
}

/** `p2p_option`. @see https://yunxin-im.apifox.cn/api-146885002 */
export interface NeteaseImP2pOption {
  check_friend?: boolean
}

/** `team_option`. @see https://yunxin-im.apifox.cn/api-146885002 */
export interface NeteaseImTeamOption {
  mark_as_read?: boolean
  ignore_chat_banned?: boolean
  ignore_member_chat_banned?: boolean
  check_team_member_valid?: boolean
}

/** `superteam_option`. @see https://yunxin-im.apifox.cn/api-146885002 */
export interface NeteaseImSuperteamOption {
  ignore_chat_banned?: boolean
  ignore_member_chat_banned?: boolean
  check_team_member_valid?: boolean
}

/** `robot_config`. @see https://yunxin-im.apifox.cn/api-146885002 */
export interface NeteaseImRobotConfig {
  robot_account_id?: string | null
  robot_topic?: string
  robot_function?: string
  robot_custom_content?: string
}

/**
 * The send-message body (the conversation id goes in the path, never here).
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export interface NeteaseImSendMessageBody {
  /** Both no-sense flags must not be true at once (107330). */
  sender_no_sense?: boolean
  receiver_no_sense?: boolean
  extension?: string
  message: NeteaseImMessage
  message_config?: NeteaseImMessageConfig
  route_config?: NeteaseImRouteConfig
  push_config?: NeteaseImPushConfig
  antispam_config?: NeteaseImAntispamConfig
  p2p_option?: NeteaseImP2pOption
  team_option?: NeteaseImTeamOption
  superteam_option?: NeteaseImSuperteamOption
  robot_config?: NeteaseImRobotConfig
  /**
   * `target_option`, `thread_config` and `ai_params`: in NetEase's server SDKs but not described field
   * by field in the send-message reference; passed through unchanged.
   */
  target_option?: Record<string, unknown>
  thread_config?: Record<string, unknown>
  ai_params?: Record<string, unknown>
}

/**
 * The documented `data` of a sent message, with `message_server_id` as an exact decimal string.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export interface NeteaseImSentMessage {
  /** int64 on the wire, exact here. Missing only for a duplicate the vendor did not describe. */
  message_server_id?: string
  message_client_id?: string
  sender_id?: string
  conversation_type?: number
  receiver_id?: string
  /** Milliseconds. */
  create_time?: number
  message_type?: number
  sub_type?: number
  text?: string
  attachment?: Record<string, unknown>
  thread_config?: Record<string, unknown>
  /**
   * Ours, not NetEase's: true when NetEase answered 107306 (this `message_client_id` was already
   * sent), i.e. an earlier attempt or call delivered the message. Nothing new was delivered.
   */
  duplicate?: true
}
