import { detectDialect, type RedisClientLike, type RedisDialect, redisCommands } from './redis-client.js'

/** A token as `@msg/core` caches it. */
export interface StoredToken {
  value: string
  expiresAt: number
  refreshAt: number
  extra?: Record<string, string>
}

/** Gives a held lock back. */
export type LockRelease = () => Promise<unknown>

/**
 * The store: `@msg/core`'s `TokenStore` (Keyv-compatible `get`/`set`/`delete`, TTL in ms)
 * plus the atomic `lock` that makes processes sharing one Redis fetch one token between them.
 */
export interface RedisTokenStore {
  get(key: string): Promise<StoredToken | undefined>
  set(key: string, value: StoredToken, ttl?: number): Promise<boolean>
  delete(key: string): Promise<boolean>
  /** `SET <key> <owner> NX PX ttlMs`: a release function when acquired, else `undefined`. */
  lock(key: string, ttlMs: number): Promise<LockRelease | undefined>
}

/** Options for {@link createRedisTokenStore}. */
export interface RedisTokenStoreOptions {
  /** Prepended to every key. Default `'msg:token:'`. */
  prefix?: string
  /**
   * A command that has not answered by then fails, so a Redis that went away (or a client queueing
   * commands while it reconnects) makes the token cache fetch directly instead of waiting. Default 2000 ms.
   */
  operationTimeoutMs?: number
  /** How the client takes `SET` options; detected from the client when left out. */
  dialect?: RedisDialect
}

function randomOwner(): string {
  return globalThis.crypto.randomUUID()
}

function withTimeout<T>(operation: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis did not answer within ${timeoutMs} ms`)), timeoutMs)
  })
  return Promise.race([operation, timeout]).finally(() => clearTimeout(timer))
}

function parseToken(text: unknown): StoredToken | undefined {
  if (typeof text !== 'string') return undefined
  try {
    const token = JSON.parse(text) as StoredToken
    return typeof token?.value === 'string' ? token : undefined
  } catch {
    return undefined
  }
}

/**
 * Adapts a connected node-redis (v4/v5) or ioredis client to `@msg/core`'s token store, so every
 * instance of a sender shares one vendor token and one refresh. Pass it as `tokenStore`.
 *
 * ```ts
 * const redis = await createClient({ url, disableOfflineQueue: true }).on('error', log).connect()
 * const feishu = createFeishu({ appId, appSecret, tokenStore: createRedisTokenStore(redis) })
 * ```
 * @see https://redis.io/docs/latest/develop/use/patterns/distributed-locks/
 */
export function createRedisTokenStore(
  client: RedisClientLike,
  options: RedisTokenStoreOptions = {},
): RedisTokenStore {
  const prefix = options.prefix ?? 'msg:token:'
  const timeoutMs = options.operationTimeoutMs ?? 2_000
  const commands = redisCommands(client, options.dialect ?? detectDialect(client))
  const run = <T>(operation: () => Promise<T>) => withTimeout(Promise.resolve().then(operation), timeoutMs)

  return {
    async get(key) {
      return parseToken(await run(() => commands.get(prefix + key)))
    },
    set(key, value, ttl) {
      return run(() => commands.set(prefix + key, JSON.stringify(value), ttl))
    },
    async delete(key) {
      return Number(await run(() => commands.del(prefix + key))) > 0
    },
    async lock(key, ttlMs) {
      const owner = randomOwner()
      const acquired = await run(() => commands.set(prefix + key, owner, ttlMs, true))
      if (!acquired) return undefined
      return () => run(() => commands.deleteIfEqual(prefix + key, owner))
    },
  }
}
