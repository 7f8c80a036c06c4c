import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { neteaseImSandbox } from '@msg/netease-im/testing'
import { type BenchTarget, rawJson } from './target.js'

const { appKey, appSecret } = neteaseImSandbox.credentials
const target = neteaseImSandbox.target

/** Signature headers as a hand-written Node client computes them (node:crypto SHA-1). */
function sign(): Record<string, string> {
  const nonce = randomBytes(16).toString('hex')
  const curTime = String(Math.floor(Date.now() / 1000))
  const checkSum = createHash('sha1')
    .update(appSecret + nonce + curTime)
    .digest('hex')
  return { AppKey: appKey, Nonce: nonce, CurTime: curTime, CheckSum: checkSum }
}

/** NetEase IM `sendText` p2p (signed with a fresh Nonce/CheckSum per attempt, WebCrypto SHA-1). */
export const neteaseImTarget: BenchTarget = {
  name: 'netease-im',
  label: '@msg/netease-im',
  async prepare(baseURL, fetch) {
    const client = neteaseImSandbox.createClient(baseURL, fetch ? { fetch } : {})
    // A p2p conversation id is `<from>|1|<to>`.
    const url = `${baseURL}/im/v2/conversations/${encodeURIComponent(`${target.from}|1|${target.to}`)}/messages`
    return {
      ours: () => client.sendText(target, 'hello'),
      raw: () =>
        rawJson(url, {
          method: 'POST',
          headers: {
            ...sign(),
            'content-type': 'application/json;charset=utf-8',
            'x-custom-traceid': randomUUID().replace(/-/g, ''),
            'user-agent': 'msg-netease-im/0.1.0',
          },
          body: JSON.stringify({
            message: { message_type: 0, text: 'hello', message_client_id: randomUUID() },
          }),
        }),
    }
  },
}
