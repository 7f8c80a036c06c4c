import { nonEmptyText, noticeSchema } from '@msg/core'
import * as v from 'valibot'

/**
 * An absolute `http:` or `https:` URL: GeWe downloads every media file itself from the URL given,
 * so it must be reachable from GeWe's servers (a local path or `data:` URL cannot work).
 * @see https://doc.geweapi.com/ (消息模块/发送图片消息)
 */
// The same rule core applies to a notice's `url`.
export const webUrl = noticeSchema.entries.url.wrapped

/** A whole number ≥ 0 (GeWe's `integer` fields: durations, sizes). */
export const count = v.pipe(
  v.number('must be a number'),
  v.integer('must be an integer'),
  v.minValue(0, 'must not be negative'),
)

/** XML text as GeWe passes it on (`xml` of the forward calls). */
export const xmlText = v.pipe(nonEmptyText, v.regex(/^\s*</, 'must be XML'))

/** A required, non-empty, well-formed string. */
export const text = nonEmptyText

/** Any string, empty allowed. */
export const anyText = v.string('must be a string')

/** A string matching `pattern`, else `message`. */
export const matching = (pattern: RegExp, message: string) => v.pipe(nonEmptyText, v.regex(pattern, message))

/** The fields every message body starts with: the device `appId` and the chat `toWxid`. */
export const chat = { appId: nonEmptyText, toWxid: nonEmptyText }

/** A message body's rule: `appId` and `toWxid`, then the operation's own `fields`. */
export const messageBody = <Fields extends v.ObjectEntries>(fields: Fields) =>
  v.object({ ...chat, ...fields })
