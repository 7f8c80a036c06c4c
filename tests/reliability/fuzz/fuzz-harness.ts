import { MsgError, ValidationError } from '@msg/core'
import fc from 'fast-check'

/** Property runs per input property; `FUZZ_RUNS=2000 pnpm test:reliability fuzz` fuzzes longer. */
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a local knob for longer fuzzing, never set by turbo
export const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 150)

/** Text callers might pass: any unicode, lone surrogates, control characters, huge strings, or not a string. */
export const anyText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', '\u0000', '\uD800', '😀'.repeat(40_000), 'x'.repeat(200_000)),
  },
  { weight: 2, arbitrary: fc.anything() },
)

/** An object with some of `fields` (each a plausible string or anything), or anything at all. */
export function looseRecord(fields: string[]): fc.Arbitrary<unknown> {
  const value = fc.oneof(anyText, fc.array(anyText, { maxLength: 3 }))
  const record = fc.record(Object.fromEntries(fields.map((field) => [field, value])), { requiredKeys: [] })
  return fc.oneof({ weight: 3, arbitrary: record }, { weight: 1, arbitrary: fc.anything() })
}

/** How one fuzzed call ended. */
export type Ending = 'success' | 'validation' | 'vendor-refusal'

/**
 * Runs `call` and classifies the ending. Fails (throws) on anything else: a synchronous throw from
 * a promise-returning method, an error that is not a `MsgError`, or a request sent despite a
 * `ValidationError`.
 */
export async function classify(call: () => Promise<unknown>, requestsSoFar: () => number): Promise<Ending> {
  const before = requestsSoFar()
  let pending: Promise<unknown>
  try {
    pending = call()
  } catch (error) {
    throw new Error(`threw synchronously instead of rejecting: ${String(error)}`)
  }
  try {
    await pending
    return 'success'
  } catch (error) {
    if (ValidationError.isInstance(error)) {
      if (requestsSoFar() !== before) throw new Error('a request left despite a ValidationError')
      return 'validation'
    }
    if (MsgError.isInstance(error) && requestsSoFar() > before) return 'vendor-refusal'
    throw error
  }
}
