import type { Redis } from 'ioredis'

/**
 * What the outbox found out about its Redis: the version, the eviction policy and persistence.
 * @see ../README.md#requirements
 */
export interface RedisReport {
  version: string
  maxmemoryPolicy: string | undefined
  appendonly: boolean | undefined
  appendfsync: string | undefined
  /** One line per requirement that is not met (empty when all are). */
  warnings: string[]
}

function field(info: string, name: string): string | undefined {
  return new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim()
}

async function configValue(redis: Redis, name: string): Promise<string | undefined> {
  try {
    const reply = (await redis.config('GET', name)) as string[]
    return reply[1]
  } catch {
    return undefined
  }
}

function atLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number)
  return a > major || (a === major && b >= minor)
}

/**
 * Checks the requirements: Redis >= 6.2 (throws below), `maxmemory-policy noeviction` (an evicted
 * job or ledger entry is a lost message), and AOF with `appendfsync always` for "nothing lost"
 * (`everysec` may lose the last second of acknowledged writes on a power or OS failure).
 * Managed services that refuse `CONFIG GET` produce a warning, not an error.
 * @see ../README.md#requirements
 */
export async function checkRedis(redis: Redis): Promise<RedisReport> {
  const info = (await redis.info('server')) + (await redis.info('persistence'))
  const version = field(info, 'redis_version') ?? '0.0.0'
  if (!atLeast(version, 6, 2)) throw new Error(`@msg/outbox needs Redis 6.2 or newer, found ${version}`)
  const maxmemoryPolicy = await configValue(redis, 'maxmemory-policy')
  const aof = field(info, 'aof_enabled')
  const appendonly = aof === undefined ? undefined : aof === '1'
  const appendfsync = await configValue(redis, 'appendfsync')
  const warnings: string[] = []
  if (maxmemoryPolicy === undefined) warnings.push('could not read maxmemory-policy: it must be noeviction')
  else if (maxmemoryPolicy !== 'noeviction')
    warnings.push(
      `maxmemory-policy is ${maxmemoryPolicy}: set noeviction, or Redis may evict queued messages`,
    )
  if (appendonly === false)
    warnings.push('AOF is off: a Redis restart loses every message since the last snapshot')
  else if (appendfsync !== undefined && appendfsync !== 'always')
    warnings.push(
      `appendfsync is ${appendfsync}: an OS or power failure may lose up to a second of enqueued messages`,
    )
  return { version, maxmemoryPolicy, appendonly, appendfsync, warnings }
}
