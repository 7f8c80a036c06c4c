export type { RedisClientLike, RedisDialect } from './redis-client.js'
export {
  createRedisTokenStore,
  type LockRelease,
  type RedisTokenStore,
  type RedisTokenStoreOptions,
  type StoredToken,
} from './redis-token-store.js'
export { version } from './version.js'
