/**
 * A lane: one sending identity whose limit holds across every worker of the fleet.
 * - `rate`: at most `limit` sends in any sliding window of `perMs` (default 1000). Turns are spaced
 *   evenly, `(perMs + guardMs) / limit` apart, so a grant-to-vendor delay that varies by up to
 *   `guardMs` (default {@link defaultGuardMs}, 80) cannot push more than `limit` requests into one vendor-side window;
 * - `serial`: one send at a time, the next one starting at least `gapMs` plus a random `0..jitterMs`
 *   after the previous one ended (jitter only lengthens the gap). A crashed holder's turn ends after
 *   `leaseMs`, and the gap is counted from there.
 * @see ../../README.md#lanes-and-limits
 */
export type LaneLimit =
  | { kind: 'rate'; name: string; limit: number; perMs?: number; guardMs?: number }
  | { kind: 'serial'; name: string; gapMs: number; jitterMs?: number }

/**
 * A rate lane's default guard band: at 80 ms a lane runs at up to 92.6 % of a limit of 45/s
 * (`1000 / ceil(1080 / 45)` = 41.7/s), and a request leaves within 26 ms (a third) of its claim or
 * not at all.
 * @see ../../README.md#lanes-and-limits
 */
export const defaultGuardMs = 80

/**
 * The smallest guard band a rate lane accepts (a request then has 10 ms from its claim to leave).
 * @see ../../README.md#lanes-and-limits
 */
export const minGuardMs = 30

/**
 * The window a rate lane's claims are counted over: `perMs + guardMs`.
 * @see ../../README.md#lanes-and-limits
 */
export const rateWindowMs = (lane: { perMs?: number; guardMs?: number }): number =>
  (lane.perMs ?? 1000) + (lane.guardMs ?? defaultGuardMs)

/** Checks a lane definition; throws a `TypeError` naming the bad field. */
export function assertLaneLimit(lane: LaneLimit): void {
  if (typeof lane.name !== 'string' || lane.name === '' || /\s/.test(lane.name))
    throw new TypeError(
      `lane name must be a non-empty string without spaces, got ${JSON.stringify(lane.name)}`,
    )
  const nonNegative = (value: number | undefined, field: string) => {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0))
      throw new TypeError(`lane ${lane.name}: ${field} must be a finite number >= 0`)
  }
  if (lane.kind === 'rate') {
    if (!(Number.isInteger(lane.limit) && lane.limit >= 1))
      throw new TypeError(`lane ${lane.name}: limit must be an integer >= 1`)
    nonNegative(lane.perMs, 'perMs')
    // A request leaves within a third of the guard band of its claim: below 30 ms that is no time.
    if (lane.guardMs !== undefined && !(Number.isFinite(lane.guardMs) && lane.guardMs >= minGuardMs))
      throw new TypeError(`lane ${lane.name}: guardMs must be a finite number >= ${minGuardMs}`)
  } else if (lane.kind === 'serial') {
    nonNegative(lane.gapMs, 'gapMs')
    nonNegative(lane.jitterMs, 'jitterMs')
  } else throw new TypeError(`lane ${(lane as { name: string }).name}: kind must be 'rate' or 'serial'`)
}
