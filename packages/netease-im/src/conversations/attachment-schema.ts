import * as v from 'valibot'

const text = v.optional(v.string('must be a string'))
const count = v.optional(
  v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must be at least 0')),
)
const numberRule = (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined ? 'is required' : 'must be a number'
const between = (minimum: number, maximum: number) =>
  v.pipe(
    v.number(numberRule),
    v.finite('must be a finite number'),
    v.minValue(minimum, `must be at least ${minimum}`),
    v.maxValue(maximum, `must be at most ${maximum}`),
  )
const required = (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined ? 'is required' : 'must be a string'

// A missing required key is reported by the object schema.
const keyMessage = (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined ? 'is required' : 'must be an object'

// Keys NetEase documents for hosted files; `md5` as 32 hex digits (`attachmentMd5`).
const file = {
  url: v.pipe(v.string(required), v.minLength(1, 'must not be empty')),
  md5: v.optional(
    v.pipe(v.string('must be a string'), v.regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hex digits')),
  ),
  size: count,
  ext: text,
  name: text,
}
const pixels = { width: count, height: count, w: count, h: count }
const duration = {
  dur: v.pipe(v.number(numberRule), v.integer('must be an integer'), v.minValue(0, 'must be at least 0')),
}

const schemas: Record<number, v.GenericSchema> = {
  1: v.looseObject({ ...file, ...pixels }, keyMessage),
  2: v.looseObject({ ...file, ...duration }, keyMessage),
  3: v.looseObject({ ...file, ...pixels, ...duration }, keyMessage),
  4: v.looseObject({ title: text, lat: between(-90, 90), lng: between(-180, 180) }, keyMessage),
  6: v.looseObject(file, keyMessage),
}

/**
 * The checks of a `message.attachment` by `message_type`: the keys NetEase documents (v1 and the v2
 * example), each only when present except `url` (image, audio, video, file), `dur` (audio, video)
 * and `lat`/`lng` (location). Custom (100) and unknown types: any object. Unknown keys pass through.
 * @see https://yunxin-im.apifox.cn/api-146885002
 */
export function attachmentSchemaFor(messageType: number): v.GenericSchema | undefined {
  return schemas[messageType]
}
