import { geweSandbox } from '@msg/gewe/testing'
import { type BenchTarget, rawJson } from './target.js'

const { token } = geweSandbox.credentials
const { appId, toWxid } = geweSandbox.target

/** GeWe `sendText` to a chat (`/message/postText`), pacing off (it would wait 1–2 s per send by design). */
export const geweTarget: BenchTarget = {
  name: 'gewe',
  label: '@msg/gewe',
  async prepare(baseURL, fetch) {
    const client = geweSandbox.createClient(baseURL, { pacing: false, ...(fetch ? { fetch } : {}) })
    return {
      ours: () => client.sendText(geweSandbox.target, 'hello'),
      raw: () =>
        rawJson(`${baseURL}${geweSandbox.basePath}/message/postText`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'x-gewe-token': token,
            'user-agent': 'msg-gewe/0.1.0',
          },
          body: JSON.stringify({ appId, toWxid, content: 'hello' }),
        }),
    }
  },
}
