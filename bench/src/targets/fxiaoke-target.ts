import { randomUUID } from 'node:crypto'
import { fxiaokeSandbox } from '@msg/fxiaoke/testing'
import { type BenchTarget, rawJson } from './target.js'

const { appId, appSecret, permanentCode, userId } = fxiaokeSandbox.credentials

/** Fxiaoke `sendText` to one user (v2 headers, fetched access token, fresh `thirdTraceId`). */
export const fxiaokeTarget: BenchTarget = {
  name: 'fxiaoke',
  label: '@msg/fxiaoke',
  async prepare(baseURL, fetch) {
    const client = fxiaokeSandbox.createClient(baseURL, fetch ? { fetch } : {})
    const target = fxiaokeSandbox.target
    // Fetched on the first raw send (in-process memory runs never send raw).
    let pending: Promise<{ accessToken: string; ea: string }> | undefined
    const fetchToken = async () =>
      (await rawJson(`${baseURL}/oauth2.0/token?thirdTraceId=${randomUUID()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ appId, appSecret, permanentCode, grantType: 'app_secret' }),
      })) as { accessToken: string; ea: string }
    const body = JSON.stringify({ toUser: target.toUser, msgType: 'text', text: { content: 'hello' } })
    return {
      ours: () => client.sendText(target, 'hello'),
      raw: async () => {
        pending ??= fetchToken()
        const token = await pending
        return rawJson(`${baseURL}/cgi/message/send?thirdTraceId=${randomUUID()}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            authorization: `Bearer ${token.accessToken}`,
            'x-fs-ea': String(token.ea),
            'x-fs-userid': userId,
            'user-agent': 'msg-fxiaoke/0.1.0',
          },
          body,
        })
      },
    }
  },
}
