import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseExactJson } from './exact-json.js'

/** True when an integer token outside strings is beyond the safe range (then JSON.parse would round it). */
function hasUnsafeInteger(text: string): boolean {
  const withoutStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""')
  return (withoutStrings.match(/(?<![\d.eE])-?[1-9]\d{15,}(?![\d.eE])/g) ?? []).some(
    (token) => !Number.isSafeInteger(Number(token)),
  )
}

describe('parseExactJson', () => {
  it('keeps every digit of integers beyond 2^53 as strings', () => {
    expect(parseExactJson('{"id":243683914400108297}')).toEqual({ id: '243683914400108297' })
    expect(parseExactJson('{"newMsgId":14264358459626428566}')).toEqual({ newMsgId: '14264358459626428566' })
    expect(parseExactJson('[-9223372036854775808, 9007199254740993]')).toEqual([
      '-9223372036854775808',
      '9007199254740993',
    ])
    expect(parseExactJson('{"a":{"b":[7773749793478223190]}}')).toEqual({ a: { b: ['7773749793478223190'] } })
  })

  it('leaves safe numbers, floats, exponents and digits inside strings unchanged', () => {
    const text =
      '{"safe":9007199254740991,"neg":-9007199254740991,"float":12345678901234567.5,"exp":12345678901234567e2,' +
      '"text":"12345678901234567890","escaped":"\\"12345678901234567890\\"","small":42,"zero":0}'
    expect(parseExactJson(text)).toEqual(JSON.parse(text))
  })

  it('rejects what JSON.parse rejects, never turning bad JSON into good', () => {
    for (const bad of ['{"id":012345678901234567}', '{"id":12345678901234567890abc}', '{"id":', '<html>']) {
      expect(() => JSON.parse(bad)).toThrow()
      expect(() => parseExactJson(bad)).toThrow()
    }
  })

  it('equals JSON.parse on any document without unsafe integers (property)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const expected = JSON.parse(text)
        if (!hasUnsafeInteger(text)) expect(parseExactJson(text)).toEqual(expected)
      }),
      { numRuns: 2000 },
    )
  })

  it('is exact for any 64-bit integer placed anywhere in a document (property)', () => {
    const bigInteger = fc.oneof(
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }),
      fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n }),
    )
    fc.assert(
      fc.property(bigInteger, fc.string(), fc.jsonValue(), (value, key, sibling) => {
        const text = `{"wrapper":[${JSON.stringify(sibling)},{${JSON.stringify(key)}:${value.toString()}}]}`
        const parsed = parseExactJson(text) as { wrapper: [unknown, Record<string, unknown>] }
        const inner = parsed.wrapper[1][key]
        const expected = Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()
        expect(inner).toEqual(expected)
        const siblingText = JSON.stringify(sibling)
        if (!hasUnsafeInteger(siblingText)) expect(parsed.wrapper[0]).toEqual(JSON.parse(siblingText))
      }),
      { numRuns: 2000 },
    )
  })
})
