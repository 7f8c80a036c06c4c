import { createMemoryDedupeStore, type DedupeStore } from './dedupe-store.js'

/**
 * Options of {@link createDeduper}.
 * @see @msg/core README.md#inbound-webhooks
 */
export interface DeduperOptions {
  /** Where seen keys live. Default: a process-local {@link createMemoryDedupeStore}. */
  store?: DedupeStore
  /** How long a key is remembered, in ms. */
  ttlMs: number
  /** Prepended to every key, e.g. `feishu:`, so vendors can share one store. */
  prefix: string
  /** Told when marking a handled event as seen failed (the event itself was handled). */
  onError?: (error: unknown) => void
}

/**
 * Handles each vendor event at most once per key set.
 * @see @msg/core README.md#inbound-webhooks
 */
export interface Deduper {
  /** True when any of `keys` was handled before. */
  seen(keys: readonly string[]): Promise<boolean>
  /** Remembers `keys` as handled. */
  mark(keys: readonly string[]): Promise<void>
  /**
   * Runs `work` unless a key was seen, and marks the keys seen only after `work` resolved, so a
   * handler that threw runs again on the vendor's retry. A request for a key that is being handled
   * right now waits for that run: `duplicate` when it succeeded, its error when it threw.
   */
  once(keys: readonly string[], work: () => Promise<void>): Promise<'handled' | 'duplicate'>
}

/**
 * Creates a {@link Deduper} over a Keyv-compatible store. A store that fails on `get` makes the
 * request fail (the vendor retries later) rather than risk handling an event twice.
 * @see @msg/core README.md#inbound-webhooks
 */
export function createDeduper(options: DeduperOptions): Deduper {
  const store = options.store ?? createMemoryDedupeStore()
  const running = new Map<string, Promise<'handled' | 'duplicate'>>()
  const keyOf = (key: string) => `${options.prefix}${key}`

  async function seen(keys: readonly string[]): Promise<boolean> {
    for (const key of keys) if ((await store.get(keyOf(key))) !== undefined) return true
    return false
  }

  async function mark(keys: readonly string[]): Promise<void> {
    try {
      for (const key of keys) await store.set(keyOf(key), true, options.ttlMs)
    } catch (error) {
      options.onError?.(error)
    }
  }

  async function once(keys: readonly string[], work: () => Promise<void>) {
    const current = keys.map((key) => running.get(key)).find((task) => task !== undefined)
    if (current) {
      await current
      return 'duplicate' as const
    }
    const task = (async () => {
      if (await seen(keys)) return 'duplicate' as const
      await work()
      await mark(keys)
      return 'handled' as const
    })()
    for (const key of keys) running.set(key, task)
    try {
      return await task
    } finally {
      for (const key of keys) if (running.get(key) === task) running.delete(key)
    }
  }

  return { seen, mark, once }
}
