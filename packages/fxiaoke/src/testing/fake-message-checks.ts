import { invalidParameterCode } from './fake-codes.js'

type Fields = Record<string, unknown>

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null
const isText = (value: unknown): value is string => typeof value === 'string' && value !== ''
const within = (value: unknown, limit: number) =>
  value === undefined || (typeof value === 'string' && [...value].length <= limit)

/**
 * The fake's check of a composite card: `head.title`, `link.title` and `link.url` are required;
 * `first`/`remark` carry a `content`, `form` is a list of `label`/`value`. The code of a broken one
 * (15002, invalid parameter), `undefined` when it is fine.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/compound/
 */
export function compositeFault(composite: unknown): number | undefined {
  if (!isObject(composite)) return 12004
  const { head, first, form, remark, link } = composite as Record<string, Fields | undefined>
  const ok =
    isText(head?.title) &&
    isText(link?.title) &&
    isText(link?.url) &&
    (first === undefined || isText(first.content)) &&
    (remark === undefined || isText(remark.content)) &&
    (form === undefined ||
      (Array.isArray(form) && form.every((row) => isText(row?.label) && typeof row?.value === 'string')))
  return ok ? undefined : invalidParameterCode
}

/**
 * The fake's check of an image-text message: 1 to 7 articles, each with `title` (≤ 45 characters),
 * `author` (≤ 8), `description` (≤ 140), a `coverImage` the fake issued (`mediaIds`), `type` `TEXT`
 * or `URL` and a `content`. The code of a broken one (15002), `undefined` when it is fine.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/image/
 */
export function articlesFault(articles: unknown, mediaIds: ReadonlySet<string>): number | undefined {
  if (!Array.isArray(articles)) return 12004
  const ok =
    articles.length >= 1 &&
    articles.length <= 7 &&
    articles.every(
      (article: Fields) =>
        isObject(article) &&
        isText(article.title) &&
        within(article.title, 45) &&
        within(article.author, 8) &&
        within(article.description, 140) &&
        typeof article.coverImage === 'string' &&
        mediaIds.has(article.coverImage) &&
        (article.coverImageInContent === undefined || typeof article.coverImageInContent === 'boolean') &&
        (article.type === 'TEXT' || article.type === 'URL') &&
        isText(article.content),
    )
  return ok ? undefined : invalidParameterCode
}
