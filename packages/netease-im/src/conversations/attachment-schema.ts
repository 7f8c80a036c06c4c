// The checks of `message.attachment` per `message_type`: the keys NetEase documents (v1 and the v2
// example), each checked only when present except the required ones. Custom (100) and unknown types
// take any object; unknown keys always pass through. A table, not schemas, to stay small.

type Rule = (value: unknown) => string | undefined

const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value)
const text: Rule = (value) => (typeof value === 'string' ? undefined : 'must be a string')
const url: Rule = (value) => text(value) ?? (value === '' ? 'must not be empty' : undefined)
const md5: Rule = (value) =>
  text(value) ?? (/^[0-9a-f]{32}$/i.test(value as string) ? undefined : 'must be 32 hex digits')
const count: Rule = (value) =>
  !isNumber(value)
    ? 'must be a number'
    : !Number.isInteger(value)
      ? 'must be an integer'
      : (value as number) < 0
        ? 'must be at least 0'
        : undefined
const between =
  (limit: number): Rule =>
  (value) =>
    !isNumber(value)
      ? 'must be a number'
      : (value as number) < -limit
        ? `must be at least -${limit}`
        : (value as number) > limit
          ? `must be at most ${limit}`
          : undefined

const file = { url, md5, size: count, ext: text, name: text }
const pixels = { width: count, height: count, w: count, h: count }
const rules: Record<number, Record<string, Rule>> = {
  1: { ...file, ...pixels },
  2: { ...file, dur: count },
  3: { ...file, ...pixels, dur: count },
  4: { title: text, lat: between(90), lng: between(180) },
  6: file,
}
const required: Record<number, string[]> = {
  1: ['url'],
  2: ['url', 'dur'],
  3: ['url', 'dur'],
  4: ['lat', 'lng'],
  6: ['url'],
}

/**
 * The broken rules of an attachment of `messageType`, as `[key, rule]` pairs in key order.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export function attachmentIssues(
  messageType: number,
  attachment: Record<string, unknown>,
): [string, string][] {
  const issues: [string, string][] = []
  for (const [key, rule] of Object.entries(rules[messageType] ?? {})) {
    const value = attachment[key]
    const problem =
      value === undefined ? (required[messageType]?.includes(key) ? 'is required' : undefined) : rule(value)
    if (problem) issues.push([key, problem])
  }
  return issues
}
