import { nonEmptyText, noticeSchema } from '@msg/core'
import * as v from 'valibot'

/**
 * An absolute `http:` or `https:` URL (`must be an absolute http(s) URL`), the same rule core
 * applies to a notice's `url`: GeWe downloads every media file itself from the URL given, so it
 * must be reachable from GeWe's servers (a local path or a `data:` URL cannot work).
 * @see https://doc.geweapi.com/ (消息模块/发送图片消息)
 */
export const webUrl = noticeSchema.entries.url.wrapped

/**
 * A whole number ≥ 0: GeWe's `integer` fields (durations, sizes).
 * @see https://doc.geweapi.com/ (消息模块/发送视频消息)
 */
export const count = v.pipe(
  v.number('must be a number'),
  v.integer('must be an integer'),
  v.minValue(0, 'must not be negative'),
)

/**
 * A required, non-empty, well-formed string.
 * @see @msg/gewe README.md#rich-messages
 */
export const text = nonEmptyText

/**
 * Any string, empty allowed.
 * @see @msg/gewe README.md#rich-messages
 */
export const anyText = v.string('must be a string')

/**
 * A non-empty string matching `pattern`, else `message`.
 * @see @msg/gewe README.md#rich-messages
 */
export const matching = (pattern: RegExp, message: string) => v.pipe(nonEmptyText, v.regex(pattern, message))

/**
 * XML text as GeWe passes it on (`xml` of the forward calls): it must start with `<`.
 * @see https://doc.geweapi.com/ (消息模块/转发图片)
 */
export const xmlText = matching(/^\s*</, 'must be XML')

/**
 * The fields every message body starts with: the device `appId` and the chat `toWxid`.
 * @see https://doc.geweapi.com/ (消息模块/发送图片消息)
 */
export const chat = { appId: nonEmptyText, toWxid: nonEmptyText }

/**
 * A message body's rule: `appId` and `toWxid`, then the operation's own `fields`. Its output holds
 * only these fields, so anything else the caller passed is dropped before sending.
 * @see @msg/gewe README.md#rich-messages
 */
export const messageBody = <Fields extends v.ObjectEntries>(fields: Fields) =>
  v.object({ ...chat, ...fields })
