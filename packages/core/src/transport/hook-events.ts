/**
 * Calls an observer hook with a lazily built event. Observers must never break a send, so anything
 * they throw is swallowed.
 * @see @msg/core README.md#transport-settings
 */
export function observe<Event>(hook: ((event: Event) => void) | undefined, event: () => Event): void {
  if (!hook) return
  try {
    hook(event())
  } catch {
    // Observers must never break a send.
  }
}

/**
 * The URL with `query` appended, each name and value percent-encoded.
 * @see @msg/core README.md#transport-settings
 */
export function withQuery(url: string, query: Record<string, string> | undefined): string {
  let search = ''
  for (const [name, value] of Object.entries(query ?? {})) {
    search += `${search === '' ? '?' : '&'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`
  }
  return url + search
}
