import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'

/** A Lua script run by its SHA1, loaded again after a Redis restart emptied the script cache. */
export interface RedisScript {
  run(redis: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>
}

/** Wraps Lua source as a {@link RedisScript}. */
export function redisScript(source: string): RedisScript {
  const sha = createHash('sha1').update(source).digest('hex')
  return {
    async run(redis, keys, args) {
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args)
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error
        return redis.eval(source, keys.length, ...keys, ...args)
      }
    },
  }
}
