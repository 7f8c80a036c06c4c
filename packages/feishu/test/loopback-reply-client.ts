import { createFeishu, type FeishuClient } from '../src/index.js'
import type { FeishuFake } from '../src/testing/index.js'

/**
 * The reply path through the client's public surface, over real HTTP to the fake: a tenant access
 * token from the fake's token endpoint, then im/v1 reply.
 */
export function loopbackReplyClient(fake: FeishuFake, baseURL: string): Pick<FeishuClient, 'im'> {
  const call = async (path: string, body: unknown, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    const response = await fetch(`${baseURL}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
    return (await response.json()) as {
      code: number
      tenant_access_token?: string
      data?: { message_id: string }
    }
  }
  const reply: FeishuClient['im']['message']['reply'] = async ({ path, data }) => {
    const auth = await call('/open-apis/auth/v3/tenant_access_token/internal', {
      app_id: fake.appId,
      app_secret: fake.appSecret,
    })
    const content = typeof data.content === 'string' ? data.content : JSON.stringify(data.content)
    const answer = await call(
      `/open-apis/im/v1/messages/${path.message_id}/reply`,
      { ...data, content },
      auth.tenant_access_token,
    )
    if (answer.code !== 0 || !answer.data) throw new Error(`reply failed: ${answer.code}`)
    return answer.data
  }
  return { im: { message: { reply, create: () => Promise.reject(new Error('unused')) } } }
}

// `createFeishu` is checked here too where this tree's client can reach the fake.
export async function createFeishuReaches(fake: FeishuFake, baseURL: string): Promise<boolean> {
  const client = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, baseURL, retry: 0 })
  try {
    await client.sendText({ chatId: 'oc_probe' }, 'probe')
    return true
  } catch {
    return false
  }
}
