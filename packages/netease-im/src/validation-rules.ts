import * as v from 'valibot'

/** A string. */
export const stringRule = v.string('must be a string')

/** A non-empty string. */
export const nonEmptyText = v.pipe(stringRule, v.nonEmpty('must not be empty'))

/** An integer of at least `minimum`. */
export const integerRule = (minimum: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be an integer'),
    v.minValue(minimum, `must be at least ${minimum}`),
  )
