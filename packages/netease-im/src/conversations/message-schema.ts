import { nonEmptyText } from '@msg/core'
import * as v from 'valibot'
import { integerAtLeast } from '../netease-im-settings.js'
import { attachmentIssues } from './attachment-schema.js'

const stringRule = v.string('must be a string')

const isJson = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** A string of at most `limit` characters. */
export const limited = (limit: number) =>
  v.pipe(stringRule, v.maxLength(limit, `at most ${limit} characters`))

const jsonText = (limit: number) =>
  v.optional(v.nullable(v.pipe(limited(limit), v.check(isJson, 'must be valid JSON'))))

/** For objects: a missing required key reports `is required`, a non-object `must be an object`. */
export const objectMessage = (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined ? 'is required' : 'must be an object'

/** Text (0) and tip (10) carry `text`; every other type carries an attachment. */
export const isTextOrTip = (message: { message_type: number }) =>
  message.message_type === 0 || message.message_type === 10

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `message` as NetEase checks it: `text` for text and tip (1–`textLimit` characters), otherwise an
 * `attachment` object (checked per type by `attachmentIssues`) and a description of at most 500.
 * Loose: keys this package does not know pass through unchanged.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export function messageSchema(textLimit: number) {
  return v.pipe(
    v.looseObject(
      {
        message_type: integerAtLeast(0),
        sub_type: v.optional(integerAtLeast(0)),
        text: v.optional(stringRule),
        attachment: v.optional(v.unknown()),
        message_client_id: v.optional(nonEmptyText),
      },
      objectMessage,
    ),
    v.forward(
      v.check(
        (message) => !isTextOrTip(message) || (message.text ?? '').length > 0,
        'must not be empty for a text or tip message',
      ),
      ['text'],
    ),
    v.forward(
      v.check(
        (message) => (message.text ?? '').length <= (isTextOrTip(message) ? textLimit : 500),
        (issue) =>
          `at most ${isTextOrTip(issue.input as { message_type: number }) ? textLimit : 500} characters`,
      ),
      ['text'],
    ),
    v.forward(
      v.check(
        (message) => isTextOrTip(message) || message.attachment !== undefined,
        'is required for every message_type but 0 (text) and 10 (tip)',
      ),
      ['attachment'],
    ),
    v.forward(
      v.check(
        (message) => message.attachment === undefined || isObject(message.attachment),
        'must be an object',
      ),
      ['attachment'],
    ),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return
      const value = dataset.value
      if (!isObject(value.attachment)) return
      const at = { type: 'object', origin: 'value', input: value, key: 'attachment', value: value.attachment }
      for (const [key, message] of attachmentIssues(value.message_type, value.attachment))
        addIssue({
          message,
          path: [at, { ...at, input: value.attachment, key }] as unknown as [v.IssuePathItem],
        })
    }),
  )
}

/**
 * `push_config` with its documented limits.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export const pushConfigSchema = v.optional(
  v.looseObject(
    {
      push_content: v.optional(limited(500)),
      push_payload: jsonText(2048),
      push_forcepush_ids: v.optional(
        v.pipe(v.array(stringRule), v.maxLength(100, 'at most 100 account ids')),
      ),
      push_forcepush_content: v.optional(limited(500)),
    },
    objectMessage,
  ),
)

/**
 * `antispam_config` with its documented limits.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export const antispamConfigSchema = v.optional(
  v.looseObject({ antispam_extension: jsonText(1024), antispam_cheating: jsonText(1024) }, objectMessage),
)
