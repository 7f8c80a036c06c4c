import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '../errors/validation-error.js'
import { validateInput } from './validate.js'

const schema = v.object({
  toUser: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(1, 'must not be empty'))),
    v.maxLength(2, 'at most 2'),
  ),
  text: v.object({ content: v.pipe(v.string(), v.minLength(1, 'content must not be empty')) }),
})

describe('validateInput', () => {
  it('returns the parsed input when valid', () => {
    expect(
      validateInput(
        schema,
        { toUser: ['a'], text: { content: 'hi' } },
        { vendor: 'fxiaoke', operation: 'x' },
      ),
    ).toEqual({
      toUser: ['a'],
      text: { content: 'hi' },
    })
  })

  it('throws a ValidationError naming every field and rule', () => {
    let caught: unknown
    try {
      validateInput(
        schema,
        { toUser: ['a', ''], text: { content: '' } },
        { vendor: 'fxiaoke', operation: 'message.send' },
      )
    } catch (error) {
      caught = error
    }
    expect(ValidationError.isInstance(caught)).toBe(true)
    const error = caught as ValidationError
    expect(error.issues).toEqual([
      { path: 'toUser[1]', message: 'must not be empty' },
      { path: 'text.content', message: 'content must not be empty' },
    ])
    expect(error.message).toBe(
      '[@msg/fxiaoke] message.send: invalid input, nothing was sent: toUser[1]: must not be empty; text.content: content must not be empty',
    )
    expect(error.delivery).toBe('not-sent')
  })

  it('names the input itself when the whole value is wrong', () => {
    expect(() => validateInput(schema, 'nope', { vendor: 'gewe', operation: 'x' })).toThrow(/\(input\)/)
  })
})
