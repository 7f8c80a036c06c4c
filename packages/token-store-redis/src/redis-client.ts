/**
 * The few commands the store needs, as both node-redis (v4, v5) and ioredis spell them:
 * `get`, `set` (with PX and NX), `del`, and `eval` when present (for a safe lock release).
 * Any client with these methods works; nothing is imported from a Redis library.
 * @see https://redis.io/docs/latest/commands/set/
 */
export interface RedisClientLike {
  get(key: string): Promise<unknown>
  // biome-ignore lint/suspicious/noExplicitAny: node-redis and ioredis overload `set` differently
  set(key: string, value: string, ...options: any[]): Promise<unknown>
  del(key: string): Promise<unknown>
  // biome-ignore lint/suspicious/noExplicitAny: node-redis and ioredis overload `eval` differently
  eval?(script: string, ...options: any[]): Promise<unknown>
}

/** How a client takes `SET` options: node-redis uses an object, ioredis positional tokens. */
export type RedisDialect = 'node-redis' | 'ioredis'

/** node-redis clients expose a boolean `isOpen`; ioredis exposes a string `status`. */
export function detectDialect(client: RedisClientLike): RedisDialect {
  const probe = client as { isOpen?: unknown; status?: unknown }
  if (typeof probe.isOpen === 'boolean') return 'node-redis'
  if (typeof probe.status === 'string') return 'ioredis'
  return 'node-redis'
}

/** The command calls in one dialect. */
export interface RedisCommands {
  get(key: string): Promise<unknown>
  /** `SET key value PX ttl`, with `NX` when `onlyIfAbsent`; resolves `true` when the key was written. */
  set(key: string, value: string, ttlMs: number | undefined, onlyIfAbsent?: boolean): Promise<boolean>
  del(key: string): Promise<unknown>
  /** Deletes `key` only while it still holds `value` (atomic with EVAL, else GET then DEL). */
  deleteIfEqual(key: string, value: string): Promise<unknown>
}

const compareAndDelete =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

/** Adapts a client to {@link RedisCommands} in the given dialect. */
export function redisCommands(client: RedisClientLike, dialect: RedisDialect): RedisCommands {
  return {
    get: (key) => client.get(key),
    async set(key, value, ttlMs, onlyIfAbsent = false) {
      const px = ttlMs === undefined ? undefined : Math.max(1, Math.ceil(ttlMs))
      let reply: unknown
      if (dialect === 'ioredis') {
        const tokens: unknown[] = px === undefined ? [] : ['PX', px]
        if (onlyIfAbsent) tokens.push('NX')
        reply = await client.set(key, value, ...tokens)
      } else {
        reply = await client.set(key, value, {
          ...(px === undefined ? {} : { PX: px }),
          ...(onlyIfAbsent ? { NX: true } : {}),
        })
      }
      return reply === 'OK'
    },
    del: (key) => client.del(key),
    async deleteIfEqual(key, value) {
      if (client.eval) {
        return dialect === 'ioredis'
          ? client.eval(compareAndDelete, 1, key, value)
          : client.eval(compareAndDelete, { keys: [key], arguments: [value] })
      }
      if ((await client.get(key)) === value) return client.del(key)
      return 0
    },
  }
}
