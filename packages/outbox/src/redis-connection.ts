import { Redis } from 'ioredis'

/**
 * How an outbox reaches Redis: a `redis://` URL (the outbox opens and closes its own ioredis
 * connections) or an ioredis instance you own (created with `maxRetriesPerRequest: null`, as BullMQ
 * workers require; you close it).
 * @see ../README.md#requirements
 */
export type OutboxConnection = string | Redis

/** A connection and whether the outbox must close it. */
export interface OwnedConnection {
  redis: Redis
  close(): Promise<void>
}

/**
 * Opens (or borrows) a connection. Commands wait while it reconnects (`maxRetriesPerRequest: null`),
 * so a ledger write after a send survives a Redis restart instead of failing.
 */
export function openConnection(connection: OutboxConnection): OwnedConnection {
  if (typeof connection !== 'string') return { redis: connection, close: async () => {} }
  const redis = new Redis(connection, { maxRetriesPerRequest: null, lazyConnect: false })
  redis.on('error', () => {})
  return {
    redis,
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
