import { createTokenCache, type TokenStore } from '@msg/core'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasRedisServer, type RedisServer, startRedisServer } from '../test/redis-server.js'
import type { RedisClientLike } from './redis-client.js'
import { createRedisTokenStore } from './redis-token-store.js'

const token = { value: 'secret-token', expiresAt: 2_000_000_000_000, refreshAt: 1_999_999_000_000 }

describe.skipIf(!hasRedisServer() && !process.env.CI)('createRedisTokenStore on a real redis-server', () => {
  let server: RedisServer
  let redis: ReturnType<typeof createClient>

  beforeAll(async () => {
    server = await startRedisServer()
    redis = createClient({ url: server.url })
    redis.on('error', () => {})
    await redis.connect()
  })

  afterAll(async () => {
    await redis?.quit()
    await server?.stop()
  })

  it('is a core TokenStore: set with a TTL, get, delete, under the prefix', async () => {
    const store: TokenStore = createRedisTokenStore(redis, { prefix: 'unit:' })
    expect(await store.set('a', token, 60_000)).toBe(true)
    expect(await store.get('a')).toEqual(token)
    expect(await redis.pTTL('unit:a')).toBeGreaterThan(50_000)
    expect(await store.delete('a')).toBe(true)
    expect(await store.get('a')).toBeUndefined()
    expect(await store.delete('a')).toBe(false)
  })

  it('reads garbage under its key as no token', async () => {
    await redis.set('msg:token:garbage', 'not json')
    expect(await createRedisTokenStore(redis).get('garbage')).toBeUndefined()
  })

  it('grants the lock to one owner at a time, and only the owner releases it', async () => {
    const first = createRedisTokenStore(redis)
    const second = createRedisTokenStore(redis)
    const release = await first.lock('l', 10_000)
    expect(release).toBeTypeOf('function')
    expect(await second.lock('l', 10_000)).toBeUndefined()
    await redis.set('msg:token:l', 'someone-else', { PX: 10_000 })
    await release?.()
    expect(await redis.get('msg:token:l')).toBe('someone-else')
    await redis.del('msg:token:l')
    const again = await second.lock('l', 10_000)
    await again?.()
    expect(await redis.exists('msg:token:l')).toBe(0)
  })

  it('lets a lock expire by itself (a crashed holder)', async () => {
    const store = createRedisTokenStore(redis)
    expect(await store.lock('expiring', 30)).toBeTypeOf('function')
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(await store.lock('expiring', 30)).toBeTypeOf('function')
  })

  it('speaks the ioredis dialect (positional PX / NX) to the same server', async () => {
    const positional: RedisClientLike & { status: string } = {
      status: 'ready',
      get: (key) => redis.sendCommand(['GET', key]),
      set: (key, value, ...rest: unknown[]) => redis.sendCommand(['SET', key, value, ...rest.map(String)]),
      del: (key) => redis.sendCommand(['DEL', key]),
      eval: (script, ...rest: unknown[]) => redis.sendCommand(['EVAL', script, ...rest.map(String)]),
    }
    const store = createRedisTokenStore(positional, { prefix: 'io:' })
    await store.set('a', token, 60_000)
    expect(await store.get('a')).toEqual(token)
    expect(await redis.pTTL('io:a')).toBeGreaterThan(50_000)
    const release = await store.lock('l', 10_000)
    expect(await store.lock('l', 10_000)).toBeUndefined()
    await release?.()
    expect(await redis.exists('io:l')).toBe(0)
  })

  it('makes one token request for two caches racing through one Redis', async () => {
    let requests = 0
    const fetch = async () => {
      requests++
      await new Promise((resolve) => setTimeout(resolve, 50))
      return { value: `token-${requests}`, expiresInMs: 7_200_000 }
    }
    const store = createRedisTokenStore(redis, { prefix: 'race:' })
    const first = createTokenCache({ key: 'app', fetch, store, lockPollMs: 10 })
    const second = createTokenCache({ key: 'app', fetch, store, lockPollMs: 10 })
    const tokens = await Promise.all([first.get(), second.get(), first.get(), second.get()])
    expect(requests).toBe(1)
    expect(new Set(tokens.map((cached) => cached.value))).toEqual(new Set(['token-1']))
  })
})

describe('createRedisTokenStore without a server', () => {
  it('fails a command that never answers after operationTimeoutMs', async () => {
    const silent: RedisClientLike = {
      get: () => new Promise(() => {}),
      set: () => new Promise(() => {}),
      del: () => new Promise(() => {}),
    }
    const store = createRedisTokenStore(silent, { operationTimeoutMs: 20 })
    await expect(store.get('a')).rejects.toThrow('redis did not answer within 20 ms')
    await expect(store.lock('a', 1000)).rejects.toThrow('redis did not answer within 20 ms')
  })

  it('releases with GET then DEL when the client has no eval', async () => {
    const data = new Map<string, string>()
    const plain: RedisClientLike = {
      get: async (key) => data.get(key) ?? null,
      set: async (key, value, options: { NX?: boolean }) => {
        if (options?.NX && data.has(key)) return null
        data.set(key, value)
        return 'OK'
      },
      del: async (key) => (data.delete(key) ? 1 : 0),
    }
    const store = createRedisTokenStore(plain, { dialect: 'node-redis' })
    const release = await store.lock('l', 1000)
    expect(await store.lock('l', 1000)).toBeUndefined()
    await release?.()
    expect(data.size).toBe(0)
  })
})
