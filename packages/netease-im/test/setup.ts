import { createNeteaseIm, type NeteaseImSignedSettings } from '../src/index.js'
import { createNeteaseImFake, type NeteaseImFakeOptions } from '../src/testing/index.js'

export const appSecret = 'test-app-secret'

/** A client wired to an in-process fake, with a fast retry budget. */
export function setup(
  settings: Partial<NeteaseImSignedSettings> = {},
  fakeOptions: NeteaseImFakeOptions = {},
) {
  const fake = createNeteaseImFake(fakeOptions)
  const client = createNeteaseIm({
    appKey: 'test-app-key',
    appSecret,
    fetch: fake.fetch,
    retry: { limit: 2, backoffLimit: 1 },
    rateLimitWaitMs: 1,
    ...settings,
  })
  return { fake, client }
}

/** The example request body of NetEase's send-message reference (Apifox), verbatim. */
export const exampleBody = {
  sender_no_sense: false,
  receiver_no_sense: false,
  extension: 'dolore dolor sint qui voluptate',
  message: {
    message_type: 0 as const,
    sub_type: 26357002,
    text: 'Lorem laboris cillum ut exercitation',
    attachment: {
      name: '器年众际根开以',
      md5: 'esse Excepteur do',
      url: 'http://zpcuedkr.nc/yjy',
      ext: 'Excepteur consequat',
      width: 83,
      height: 56,
      size: 18,
    },
  },
  message_config: {
    unread_enabled: false,
    mutil_sync_enabled: true,
    offline_enabled: true,
    history_enabled: false,
    roaming_enabled: true,
    conversation_update_enabled: true,
  },
  route_config: { route_enabled: true, route_environment: 'Lorem anim quis' },
  push_config: {
    push_enabled: true,
    push_nick_enabled: false,
    push_content: 'id do in velit',
    push_payload: null,
    push_forcepush_all: true,
    push_forcepush_ids: ['22'],
    push_forcepush_content: 'nostrud veniam dolore esse',
  },
  antispam_config: {
    antispam_enabled: false,
    antispam_business_id: '44',
    antispam_extension: null,
    antispam_custom_message_enabled: true,
    antispam_custom_message: 'laborum non irure et',
    antispam_cheating: '{"email":"123@126.com"}',
  },
  p2p_option: { check_friend: true },
  team_option: { mark_as_read: true, ignore_chat_banned: false },
  superteam_option: { ignore_chat_banned: false },
  robot_config: {
    robot_account_id: null,
    robot_topic: 'http://dummyimage.com/400x400',
    robot_function: 'ex nisi pariatur qui do',
    robot_custom_content: 'quis Lorem',
  },
}
