import * as v from 'valibot'

/**
 * A non-empty, well-formed string: the rule for ids and texts in every vendor package. A lone surrogate
 * (`\uD800` alone) is refused because `encodeURIComponent` throws on it in a URL path and vendors
 * reject it in JSON bodies.
 * @see https://valibot.dev/api/pipe/
 */
export const nonEmptyText = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.check((text) => !/\p{Cs}/u.test(text), 'must be well-formed text'),
)
