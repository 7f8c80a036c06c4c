import { createHttpClient } from '@msg/core'
import { type BenchTarget, rawJson } from './target.js'

const token = 'bench-token-0123456789'
const body = { receive_id: 'oc_bench', msg_type: 'text', content: JSON.stringify({ text: 'hello' }) }

/** Core's transport alone (`createHttpClient.send`), Feishu-shaped request, against the echo fake. */
export const coreTarget: BenchTarget = {
  name: 'core',
  label: 'core transport',
  profile: true,
  async prepare(baseURL, fetch) {
    const http = createHttpClient({
      vendor: 'feishu',
      version: '0.1.0',
      defaultBaseURL: baseURL,
      settings: fetch ? { fetch } : {},
      // The credentials of every attempt, as a vendor package passes them.
      auth: { credentials: () => ({ headers: { authorization: `Bearer ${token}` }, token }) },
    })
    const path = '/open-apis/im/v1/messages'
    const query = { receive_id_type: 'chat_id' }
    return {
      ours: () =>
        http.send({
          operation: 'im.message.create',
          path,
          query: () => query,
          body,
          read: (response) => (response.body as { data: unknown }).data,
        }),
      raw: () =>
        rawJson(`${baseURL}${path}?${new URLSearchParams(query)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            authorization: `Bearer ${token}`,
            'user-agent': 'msg-feishu/0.1.0',
          },
          body: JSON.stringify(body),
        }),
    }
  },
}
