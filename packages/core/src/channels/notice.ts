import * as v from 'valibot'
import type { Vendor } from '../errors/msg-error.js'
import { nonEmptyText } from '../validation/rules.js'
import { validateInput } from '../validation/validate.js'

/**
 * A short announcement with an optional title and link, which each vendor renders in its own best
 * native form (a card, a link message, a composite message, or plain text).
 * @see @msg/core README.md#channels
 */
export interface Notice {
  title?: string
  text: string
  url?: string
}

/**
 * What a channel sends: a plain text (sent as a text message, exactly) or a {@link Notice}.
 * @see @msg/core README.md#channels
 */
export type ChannelMessage = string | Notice

const webUrl = v.pipe(
  nonEmptyText,
  v.check((value) => {
    try {
      const { protocol } = new URL(value)
      return protocol === 'https:' || protocol === 'http:'
    } catch {
      return false
    }
  }, 'must be an absolute http(s) URL'),
)

/**
 * The rule every channel applies to a {@link Notice} before sending it: `text` non-empty, `title`
 * non-empty when given, `url` an absolute http(s) URL when given.
 * @see @msg/core README.md#channels
 */
export const noticeSchema = v.object({
  title: v.optional(nonEmptyText),
  text: nonEmptyText,
  url: v.optional(webUrl),
})

const noticeInput = v.object({ notice: noticeSchema })

/**
 * Checks a notice before anything is sent: a `ValidationError` naming `notice.<field>` and the rule,
 * else the notice as checked. Every channel and every reply that takes a `Notice` goes through it.
 * @see @msg/core README.md#channels
 */
export function checkNotice(notice: Notice, where: { vendor: Vendor; operation: string }): Notice {
  return validateInput(noticeInput, { notice }, where).notice
}

/**
 * A {@link Notice} as plain lines (title, text, url), for vendors whose best form is a text.
 * @see @msg/core README.md#channels
 */
export function noticeText(notice: Notice): string {
  return [notice.title, notice.text, notice.url].filter((line) => line !== undefined).join('\n')
}
