import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RedisServer, startRedisServer } from '../../token-store-redis/test/redis-server.js'
import { checkRedis } from './redis-requirements.js'

let server: RedisServer
let redis: Redis

beforeAll(async () => {
  server = await startRedisServer()
  redis = new Redis(server.url)
})
afterAll(async () => {
  redis.disconnect()
  await server.stop()
})

describe('checkRedis', () => {
  it('is satisfied by noeviction and AOF with appendfsync always', async () => {
    const report = await checkRedis(redis)
    expect(report).toMatchObject({
      maxmemoryPolicy: 'noeviction',
      appendonly: true,
      appendfsync: 'always',
      warnings: [],
    })
  })

  it('warns about an evicting policy and about appendfsync everysec', async () => {
    await redis.config('SET', 'maxmemory-policy', 'allkeys-lru')
    await redis.config('SET', 'appendfsync', 'everysec')
    const { warnings } = await checkRedis(redis)
    await redis.config('SET', 'maxmemory-policy', 'noeviction')
    await redis.config('SET', 'appendfsync', 'always')
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toContain('allkeys-lru')
    expect(warnings[1]).toContain('everysec')
  })

  it('refuses a Redis older than 6.2, and warns when CONFIG is not allowed', async () => {
    const old = { info: async () => 'redis_version:6.0.9\r\n', config: async () => [] } as unknown as Redis
    await expect(checkRedis(old)).rejects.toThrow('needs Redis 6.2 or newer, found 6.0.9')
    const managed = {
      info: async () => 'redis_version:7.2.4\r\naof_enabled:1\r\n',
      config: async () => {
        throw new Error("ERR unknown command 'CONFIG'")
      },
    } as unknown as Redis
    expect((await checkRedis(managed)).warnings).toEqual([
      'could not read maxmemory-policy: it must be noeviction',
    ])
  })
})
