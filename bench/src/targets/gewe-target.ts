import { createGewe } from '@msg/gewe'
import { type BenchTarget, rawJson } from './target.js'

const token = 'gewe-fake-token'
const appId = 'wx_bench_app'

/** GeWe `sendText` to a chat (`/message/postText`), pacing off (it would wait 1–2 s per send by design). */
export const geweTarget: BenchTarget = {
  name: 'gewe',
  label: '@msg/gewe',
  async prepare(baseURL, fetch) {
    const client = createGewe({
      token,
      baseURL: `${baseURL}/gewe/v2/api`,
      pacing: false,
      ...(fetch ? { fetch } : {}),
    })
    const target = { appId, toWxid: 'wxid_bench' }
    return {
      ours: () => client.sendText(target, 'hello'),
      raw: () =>
        rawJson(`${baseURL}/gewe/v2/api/message/postText`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'x-gewe-token': token,
            'user-agent': 'msg-gewe/0.1.0',
          },
          body: JSON.stringify({ appId, toWxid: 'wxid_bench', content: 'hello' }),
        }),
    }
  },
}
