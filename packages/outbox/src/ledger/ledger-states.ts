/**
 * Where one message stands, as recorded in its ledger entry in Redis:
 * - `queued`: accepted, not tried yet (or handed back by `resolve(id, 'resend')`);
 * - `sending`: a worker claimed it and is calling the vendor;
 * - `not-sent`: the last attempt provably did not deliver it; a retry is scheduled;
 * - `sent`: the vendor accepted it (final);
 * - `unknown`: it may or may not have been delivered and the vendor cannot de-duplicate a resend;
 *   parked for a person to `resolve` (final until resolved);
 * - `dead`: refused for good (bad input, a permanent vendor code, attempts exhausted), with a reason (final).
 * @see ../../README.md#ledger-states
 */
export type LedgerState = 'queued' | 'sending' | 'not-sent' | 'sent' | 'unknown' | 'dead'

/**
 * Every ledger state, in lifecycle order.
 * @see ../../README.md#ledger-states
 */
export const ledgerStates: readonly LedgerState[] = [
  'queued',
  'sending',
  'not-sent',
  'sent',
  'unknown',
  'dead',
]

/** States a worker never sends from without a person's `resolve`. */
export const finalStates: readonly LedgerState[] = ['sent', 'unknown', 'dead']
