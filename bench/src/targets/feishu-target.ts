import { randomUUID } from 'node:crypto'
import { feishuSandbox } from '@msg/feishu/testing'
import { type BenchTarget, rawJson } from './target.js'

/** The sample credentials the sandbox's Feishu fake accepts. */
export const feishuCredentials = feishuSandbox.credentials
/** The im/v1 create request every Feishu sender here makes. */
export const feishuChatId = feishuSandbox.target.chatId
export const feishuTokenPath = '/open-apis/auth/v3/tenant_access_token/internal'

/** Fetches a tenant access token the way a hand-written client would. */
export async function rawFeishuToken(baseURL: string): Promise<string> {
  const answer = (await rawJson(`${baseURL}${feishuTokenPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ app_id: feishuCredentials.appId, app_secret: feishuCredentials.appSecret }),
  })) as { tenant_access_token: string }
  return answer.tenant_access_token
}

/** Feishu `sendText({ chatId })`: im/v1 create with a fresh uuid, tenant token fetched once. */
export const feishuTarget: BenchTarget = {
  name: 'feishu',
  label: '@msg/feishu',
  profile: true,
  async prepare(baseURL, fetch) {
    const client = feishuSandbox.createClient(baseURL, fetch ? { fetch } : {})
    // Fetched on the first raw send (in-process memory runs never send raw).
    let token: Promise<string> | undefined
    const url = `${baseURL}/open-apis/im/v1/messages?receive_id_type=chat_id`
    return {
      ours: () => client.sendText(feishuSandbox.target, 'hello'),
      raw: async () => {
        token ??= rawFeishuToken(baseURL)
        return rawJson(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            authorization: `Bearer ${await token}`,
            'user-agent': 'msg-feishu/0.1.0',
          },
          body: JSON.stringify({
            receive_id: feishuChatId,
            msg_type: 'text',
            content: JSON.stringify({ text: 'hello' }),
            uuid: randomUUID(),
          }),
        })
      },
    }
  },
}
