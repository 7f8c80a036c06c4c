import { randomUUID } from 'node:crypto'
import { createFxiaoke } from '@msg/fxiaoke'
import { type BenchTarget, rawJson } from './target.js'

/** The credentials `createFxiaokeFake()` accepts by default. */
export const fxiaokeCredentials = {
  appId: 'FSAID_fake',
  appSecret: 'fake-app-secret',
  permanentCode: 'fake-permanent-code',
}
const userId = 'FSUID_bench'

/** Fxiaoke `sendText` to one user (v2 headers, fetched access token, fresh `thirdTraceId`). */
export const fxiaokeTarget: BenchTarget = {
  name: 'fxiaoke',
  label: '@msg/fxiaoke',
  async prepare(baseURL, fetch) {
    const client = createFxiaoke({ ...fxiaokeCredentials, userId, baseURL, ...(fetch ? { fetch } : {}) })
    const target = { toUser: ['FSUID_someone'] }
    // Fetched on the first raw send (in-process memory runs never send raw).
    let pending: Promise<{ accessToken: string; ea: string }> | undefined
    const fetchToken = async () =>
      (await rawJson(`${baseURL}/oauth2.0/token?thirdTraceId=${randomUUID()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ ...fxiaokeCredentials, grantType: 'app_secret' }),
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
