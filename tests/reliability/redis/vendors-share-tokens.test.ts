import { type ServedHandler, serve } from '@msg/core/testing'
import { createFeishu } from '@msg/feishu'
import { createFeishuFake } from '@msg/feishu/testing'
import { createFxiaoke } from '@msg/fxiaoke'
import { createFxiaokeFake } from '@msg/fxiaoke/testing'
import { createRedisTokenStore } from '@msg/token-store-redis'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  hasRedisServer,
  type RedisServer,
  startRedisServer,
} from '../../../packages/token-store-redis/test/redis-server.js'

type Redis = ReturnType<typeof createClient>

async function connect(url: string): Promise<Redis> {
  const client = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: false } })
  client.on('error', () => {})
  await client.connect()
  return client
}

describe.skipIf(!hasRedisServer() && !process.env.CI)(
  'the real vendor clients share one token through redis-server',
  () => {
    let redis: RedisServer
    const connections: Redis[] = []
    const served: ServedHandler[] = []

    beforeAll(async () => {
      redis = await startRedisServer()
    })
    afterAll(async () => {
      for (const connection of connections) if (connection.isOpen) await connection.disconnect()
      await Promise.all(served.map((server) => server.close()))
      await redis?.stop()
    })

    /** Two instances (own client, own Redis connection, own token cache) of one app. */
    async function twoInstances<Client>(
      create: (tokenStore: ReturnType<typeof createRedisTokenStore>, warnings: string[]) => Client,
    ) {
      const warnings: string[][] = [[], []]
      const instances: Client[] = []
      for (const list of warnings) {
        const connection = await connect(redis.url)
        connections.push(connection)
        instances.push(create(createRedisTokenStore(connection, { operationTimeoutMs: 500 }), list))
      }
      return { instances, warnings }
    }

    it('Feishu: two instances, 60 concurrent sends, one token request between them', async () => {
      const fake = createFeishuFake()
      const server = await serve(fake.handle)
      served.push(server)
      const { instances, warnings } = await twoInstances((tokenStore, list) =>
        createFeishu({
          appId: fake.appId,
          appSecret: fake.appSecret,
          baseURL: server.url,
          tokenStore,
          hooks: { warning: (event) => list.push(event.message) },
        }),
      )
      const sendAll = () =>
        Promise.all(
          instances.flatMap((client) =>
            Array.from({ length: 30 }, (_, index) => client.sendText({ chatId: 'oc_1' }, `m${index}`)),
          ),
        )
      await sendAll()
      expect(fake.issuedTokens).toHaveLength(1)
      expect(fake.inbox).toHaveLength(60)
      expect(warnings).toEqual([[], []])
    })

    it('Fxiaoke: two instances, one token call between them; Redis killed mid-run: sends still succeed, one warning each', async () => {
      const fake = createFxiaokeFake({ tokenLatencyMs: 50 })
      const server = await serve(fake.handle)
      served.push(server)
      const { instances, warnings } = await twoInstances((tokenStore, list) =>
        createFxiaoke({
          appId: 'FSAID_fake',
          appSecret: 'fake-app-secret',
          permanentCode: 'fake-permanent-code',
          userId: '1000',
          baseURL: server.url,
          tokenStore,
          hooks: { warning: (event) => list.push(event.message) },
        }),
      )
      await Promise.all(
        instances.flatMap((client) =>
          Array.from({ length: 30 }, () => client.sendText({ toUser: ['1001'] }, 'hi')),
        ),
      )
      expect(fake.tokenCalls).toBe(1)
      expect(fake.concurrentTokenRejections).toBe(0)
      expect(fake.inbox).toHaveLength(60)
      expect(warnings).toEqual([[], []])

      await redis.kill()
      fake.expireTokens()
      await Promise.all(
        instances.flatMap((client) =>
          Array.from({ length: 30 }, () => client.sendText({ toUser: ['1001'] }, 'again')),
        ),
      )
      expect(fake.inbox).toHaveLength(120)
      expect(fake.tokenCalls).toBeGreaterThanOrEqual(2)
      for (const list of warnings) {
        expect(list).toHaveLength(1)
        expect(list[0]).toMatch(/token store unavailable .*fetching tokens directly/)
      }
    })
  },
)
