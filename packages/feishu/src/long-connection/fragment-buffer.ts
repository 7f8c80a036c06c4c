/**
 * Reassembles payloads Feishu splits over several data frames (headers `message_id`, `sum` = the
 * number of parts, `seq` = this part's 0-based index).
 * @see README.md#long-connection
 */
export interface FragmentBuffer {
  /** Stores one part; returns the whole payload once the last missing part arrived. */
  add(messageId: string, sum: number, seq: number, part: Uint8Array): Uint8Array | undefined
  /** How many messages are waiting for parts. */
  readonly pending: number
  /** Drops every incomplete message and its timer. */
  clear(): void
}

interface Incomplete {
  parts: (Uint8Array | undefined)[]
  missing: number
  timer: ReturnType<typeof setTimeout>
}

function join(parts: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.length, 0))
  let offset = 0
  for (const part of parts) {
    whole.set(part, offset)
    offset += part.length
  }
  return whole
}

/**
 * Creates a {@link FragmentBuffer} that forgets a message `timeoutMs` after its first part
 * arrived if it is still incomplete; Feishu re-sends it whole, since it was never acknowledged.
 * A part with an impossible `sum`/`seq` is ignored.
 * @see README.md#long-connection
 */
export function createFragmentBuffer(timeoutMs: number): FragmentBuffer {
  const waiting = new Map<string, Incomplete>()
  return {
    add(messageId, sum, seq, part) {
      if (!Number.isInteger(sum) || !Number.isInteger(seq) || sum < 1 || seq < 0 || seq >= sum) return
      if (sum === 1) return part
      let entry = waiting.get(messageId)
      if (entry === undefined || entry.parts.length !== sum) {
        if (entry) clearTimeout(entry.timer)
        const timer = setTimeout(() => waiting.delete(messageId), timeoutMs)
        entry = { parts: new Array(sum).fill(undefined), missing: sum, timer }
        waiting.set(messageId, entry)
      }
      if (entry.parts[seq] === undefined) entry.missing--
      entry.parts[seq] = part
      if (entry.missing > 0) return
      clearTimeout(entry.timer)
      waiting.delete(messageId)
      return join(entry.parts as Uint8Array[])
    },
    get pending() {
      return waiting.size
    },
    clear() {
      for (const entry of waiting.values()) clearTimeout(entry.timer)
      waiting.clear()
    },
  }
}
