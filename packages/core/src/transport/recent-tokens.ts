/**
 * The tokens a client used most recently, for redaction: rotating tokens come and go, so only the
 * latest `limit` are kept, and a token in use moves to the back (the one dropped is the one unused
 * the longest).
 * @see @msg/core README.md#transport-settings
 */
export function createRecentTokens(limit: number): {
  remember(token: string | undefined): void
  values(): IterableIterator<string>
} {
  const tokens = new Set<string>()
  return {
    remember(token) {
      if (token === undefined) return
      if (!tokens.delete(token) && tokens.size >= limit) tokens.delete(tokens.values().next().value as string)
      tokens.add(token)
    },
    values: () => tokens.values(),
  }
}
