import { UsageError } from '../usage-error.js'
import type { SendInput } from './vendor-spec.js'

/**
 * The one content flag of `flags` that was given (`undefined` for none). Two of them, or one with
 * `--text`, is a usage error: each says on its own what to send.
 */
export function onlyContentFlag<Flag extends string>(
  input: SendInput,
  flags: readonly Flag[],
): Flag | undefined {
  const given = flags.filter((flag) => input.values[flag] !== undefined)
  if (given.length > 1)
    throw new UsageError(`pass one of ${given.map((flag) => `--${flag}`).join(', ')}, not several`, 'send')
  return given[0]
}
