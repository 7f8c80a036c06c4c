import { invalidInput, nonEmptyText, validateInput } from '@msg/core'
import * as v from 'valibot'
import { maxArticles } from './message-limits.js'
import type { FxiaokeMessage } from './message-types.js'

/** At most `limit` characters, counted as Unicode code points (an emoji is one). */
const chars = (limit: number) =>
  v.check<string, string>((text) => [...text].length <= limit, `at most ${limit} characters`)

/** Any absolute URL: http(s), or an internal `fs://CRM/udobj?{…}` address. */
const absoluteUrl = v.pipe(
  nonEmptyText,
  v.check((text) => {
    try {
      return new URL(text).protocol !== ''
    } catch {
      return false
    }
  }, 'must be an absolute URL'),
)
/** A missing field is 'is required'; a present one of another type 'must be an object'. */
const objectMessage = (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined ? 'is required' : 'must be an object'
const object = <const Entries extends v.ObjectEntries>(entries: Entries) => v.object(entries, objectMessage)
const contentOf = (field: v.GenericSchema<unknown, string>) => object({ content: field })
const flag = v.optional(v.boolean('must be a boolean'))

const article = v.pipe(
  object({
    title: v.pipe(nonEmptyText, chars(45)),
    author: v.optional(v.pipe(v.string('must be a string'), chars(8))),
    description: v.optional(v.pipe(v.string('must be a string'), chars(140))),
    coverImage: nonEmptyText,
    coverImageInContent: flag,
    type: v.picklist(['TEXT', 'URL'], "must be 'TEXT' or 'URL'"),
    content: nonEmptyText,
  }),
  v.forward(
    v.check((item) => item.type !== 'URL' || v.is(absoluteUrl, item.content), 'must be an absolute URL'),
    ['content'],
  ),
)

const toUser = v.pipe(
  v.array(nonEmptyText, 'must be an array of ids'),
  v.minLength(1, 'at least 1 recipient'),
)
const flags = { convertUserId: flag, convertMediaId: flag }

/** The fields of each `msgType`, after `toUser`. */
const schemas = {
  text: object({ toUser, msgType: v.string(), text: contentOf(nonEmptyText), ...flags }),
  composite: object({
    toUser,
    msgType: v.string(),
    composite: object({
      head: object({ title: nonEmptyText }),
      first: v.optional(contentOf(nonEmptyText)),
      form: v.optional(
        v.array(object({ label: nonEmptyText, value: v.string('must be a string') }), 'must be an array'),
      ),
      remark: v.optional(contentOf(nonEmptyText)),
      link: object({ title: nonEmptyText, url: absoluteUrl }),
    }),
    ...flags,
  }),
  articles: object({
    toUser,
    msgType: v.string(),
    articles: v.pipe(
      v.array(article, 'must be an array'),
      v.minLength(1, 'at least 1 article'),
      v.maxLength(maxArticles, `at most ${maxArticles} articles`),
    ),
    ...flags,
  }),
}

/**
 * Validates a `message.send` body: any number (≥ 1) of recipients and the fields of its `msgType`
 * (`text`, `composite` or `articles`) with Fxiaoke's documented required fields and length limits.
 * A `ValidationError` naming each field and rule, before any request.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/send/
 */
export function validateMessage(input: unknown, operation: string): FxiaokeMessage {
  const where = { vendor: 'fxiaoke', operation } as const
  const msgType = (input as { msgType?: unknown } | undefined)?.msgType
  if (typeof msgType !== 'string' || !Object.hasOwn(schemas, msgType)) {
    throw invalidInput(where, [
      typeof input === 'object' && input !== null
        ? { path: 'msgType', message: "must be 'text', 'composite' or 'articles'" }
        : { path: '(input)', message: 'is required' },
    ])
  }
  return validateInput(schemas[msgType as keyof typeof schemas], input, where) as FxiaokeMessage
}
