import { randomUUID } from 'node:crypto'
import { Client, LoggerLevel } from '@larksuiteoapi/node-sdk'
import { feishuChatId, feishuCredentials, feishuTarget } from './feishu-target.js'
import type { BenchTarget } from './target.js'

/** A token cache with the Lark SDK's default semantics (a Map with expiry), but fresh per client. */
type LarkCache = NonNullable<ConstructorParameters<typeof Client>[0]['cache']>

function freshCache(): LarkCache {
  const values = new Map<string, { value: unknown; expiredTime?: number }>()
  const keyOf = (key: unknown, namespace?: string) => `${namespace ?? ''}/${String(key)}`
  return {
    async get(key, options) {
      const entry = values.get(keyOf(key, options?.namespace))
      return entry && (!entry.expiredTime || entry.expiredTime > Date.now()) ? entry.value : undefined
    },
    async set(key, value, expiredTime, options) {
      values.set(keyOf(key, options?.namespace), { value, ...(expiredTime ? { expiredTime } : {}) })
      return true
    },
  }
}

/** A Lark SDK client on the fake Feishu; its own token cache so every client starts cold. */
export function createLarkClient(baseURL: string): Client {
  return new Client({
    ...feishuCredentials,
    domain: baseURL,
    loggerLevel: LoggerLevel.error,
    cache: freshCache(),
  })
}

/** The same im/v1 create (with a uuid) through `client.im.message.create`. */
export function larkSend(client: Client): Promise<unknown> {
  return client.im.message.create({
    params: { receive_id_type: 'chat_id' },
    data: {
      receive_id: feishuChatId,
      msg_type: 'text',
      content: JSON.stringify({ text: 'hello' }),
      uuid: randomUUID(),
    },
  })
}

/** The official `@larksuiteoapi/node-sdk` beside the same raw fetch baseline as `@msg/feishu`. */
export const larkSdkTarget: BenchTarget = {
  name: 'feishu',
  label: '@larksuiteoapi/node-sdk',
  async prepare(baseURL) {
    const client = createLarkClient(baseURL)
    const { raw } = await feishuTarget.prepare(baseURL)
    return { ours: () => larkSend(client), raw }
  },
}
