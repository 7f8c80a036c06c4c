import { UsageError } from '../usage-error.js'
import type { SendInput } from './vendor-spec.js'

/**
 * What a content flag does with `--text`: `text`, it sends the text along (a `--title` or `--url`
 * is refused); `notice`, it uses the whole notice (`--title`, `--text`, `--url`).
 */
export type ContentFlagText = 'text' | 'notice'

/**
 * The one content flag of `flags` that was given (`undefined` for none). Two of them is a usage
 * error, and so is one with `--text`, unless `takesText` says the flag uses it: a content flag
 * says on its own what to send, and nothing given is ever dropped.
 */
export function onlyContentFlag<Flag extends string>(
  input: SendInput,
  flags: readonly Flag[],
  takesText: Partial<Record<Flag, ContentFlagText>> = {},
): Flag | undefined {
  const given = flags.filter((flag) => input.values[flag] !== undefined)
  if (given.length > 1)
    throw new UsageError(`pass one of ${given.map((flag) => `--${flag}`).join(', ')}, not several`, 'send')
  const flag = given[0]
  if (flag === undefined || input.message === undefined) return flag
  const takes = takesText[flag]
  if (takes === undefined) throw new UsageError(`--${flag} says on its own what to send: drop --text`, 'send')
  if (takes === 'text' && typeof input.message !== 'string')
    throw new UsageError(`--${flag} sends --text along, not a notice: drop --title and --url`, 'send')
  return flag
}
