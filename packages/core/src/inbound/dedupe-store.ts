/**
 * Where a webhook remembers the events it handled: Keyv-compatible `get`/`set`/`delete` (TTL in ms),
 * so a Keyv instance backed by Redis lets several processes share one memory of seen events. `get`
 * returns `undefined` for a key never set or expired.
 * @see https://keyv.org/docs/
 */
export interface DedupeStore {
  get(key: string): Promise<unknown> | unknown
  set(key: string, value: true, ttl?: number): Promise<unknown> | unknown
  delete(key: string): Promise<unknown> | unknown
}

/**
 * Options of {@link createMemoryDedupeStore}.
 * @see @msg/core README.md#inbound-webhooks
 */
export interface MemoryDedupeStoreOptions {
  /** Most keys kept; beyond it the oldest go first. Default 100 000. */
  maxEntries?: number
  /** The clock, for tests. */
  now?: () => number
}

/**
 * The default dedupe store: a process-local map that honours TTLs and holds at most `maxEntries`
 * keys. Several processes behind one URL need a shared store instead.
 * @see https://keyv.org/docs/
 */
export function createMemoryDedupeStore(options: MemoryDedupeStoreOptions = {}): DedupeStore {
  const maxEntries = options.maxEntries ?? 100_000
  const now = options.now ?? Date.now
  const until = new Map<string, number>()
  return {
    get(key) {
      const expires = until.get(key)
      if (expires === undefined) return undefined
      if (expires > now()) return true
      until.delete(key)
      return undefined
    },
    set(key, _value, ttl) {
      until.delete(key)
      until.set(key, ttl === undefined ? Number.POSITIVE_INFINITY : now() + ttl)
      // Map iteration is insertion order: expired and oldest keys come first.
      for (const [old, expires] of until) {
        if (until.size <= maxEntries && expires > now()) break
        until.delete(old)
      }
      return true
    },
    delete(key) {
      return until.delete(key)
    },
  }
}
