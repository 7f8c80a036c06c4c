import { parseExactJson, ValidationError } from '@msg/core'
import { mention } from '@msg/feishu'
import { type ConversationType, conversationId } from '@msg/netease-im'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyText, fuzzRuns } from './fuzz-harness.js'

const beyondSafe = fc.oneof(
  fc.bigInt({ min: BigInt(Number.MAX_SAFE_INTEGER) + 1n, max: 2n ** 64n - 1n }),
  fc.bigInt({ min: -(2n ** 63n), max: BigInt(Number.MIN_SAFE_INTEGER) - 1n }),
)

/** True when a value holds an integer that JSON.stringify prints as plain digits beyond 2^53 (unsafe). */
function holdsUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number')
    return Number.isInteger(value) && !Number.isSafeInteger(value) && Math.abs(value) < 1e21
  if (Array.isArray(value)) return value.some(holdsUnsafeInteger)
  if (value && typeof value === 'object') return Object.values(value).some(holdsUnsafeInteger)
  return false
}

describe('parseExactJson (the exact-JSON reader)', () => {
  it('equals JSON.parse on documents without unsafe integers', () => {
    fc.assert(
      fc.property(
        fc.jsonValue().filter((value) => !holdsUnsafeInteger(value)),
        fc.boolean(),
        (value, pretty) => {
          const text = JSON.stringify(value, null, pretty ? 2 : undefined)
          expect(parseExactJson(text)).toEqual(JSON.parse(text))
        },
      ),
      { numRuns: fuzzRuns * 4 },
    )
  })

  it('keeps every digit of integers beyond 2^53, wherever they sit in the document', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        beyondSafe,
        fc.constantFrom('array', 'object', 'nested'),
        (value, big, place) => {
          const raw = big.toString()
          const filler = JSON.stringify(value)
          const text =
            place === 'array'
              ? `[${filler},${raw}]`
              : place === 'object'
                ? `{"filler":${filler},"id":${raw}}`
                : `{"data":{"items":[{"message_server_id":${raw},"x":${filler}}]}}`
          const parsed = parseExactJson(text) as Record<string, unknown> & unknown[]
          const found =
            place === 'array'
              ? parsed[1]
              : place === 'object'
                ? parsed.id
                : (parsed.data as { items: Array<{ message_server_id: unknown }> }).items[0]
                    ?.message_server_id
          expect(found).toBe(raw)
        },
      ),
      { numRuns: fuzzRuns * 4 },
    )
  })

  it('throws only SyntaxError on text that is not JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        let expected: unknown
        try {
          expected = JSON.parse(text)
        } catch {
          expect(() => parseExactJson(text)).toThrow(SyntaxError)
          return
        }
        expect(parseExactJson(text)).toEqual(expected)
      }),
      { numRuns: fuzzRuns * 4 },
    )
  })
})

describe('conversationId (NetEase conversation id builder)', () => {
  const accountId = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .filter((id) => !id.includes('|'))
  const types = { p2p: 1, team: 2, superteam: 3, 1: 1, 2: 2, 3: 3 } as const

  it('joins valid parts as sender|type|receiver, and the parts come back out', () => {
    fc.assert(
      fc.property(
        accountId,
        fc.constantFrom<ConversationType>('p2p', 'team', 'superteam', 1, 2, 3),
        accountId,
        (senderId, type, receiverId) => {
          const id = conversationId({ senderId, type, receiverId })
          expect(id).toBe(`${senderId}|${types[type]}|${receiverId}`)
          expect(id.split('|')).toEqual([senderId, String(types[type]), receiverId])
        },
      ),
      { numRuns: fuzzRuns * 2 },
    )
  })

  it('answers anything else with a ValidationError, never another exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.record({ senderId: anyText, type: fc.anything(), receiverId: anyText })),
        (parts) => {
          try {
            const id = conversationId(parts as Parameters<typeof conversationId>[0])
            expect(id.split('|')).toHaveLength(3)
          } catch (error) {
            expect(ValidationError.isInstance(error)).toBe(true)
          }
        },
      ),
      { numRuns: fuzzRuns * 2 },
    )
  })
})

describe('mention (the Feishu mention escaper)', () => {
  const decode = (text: string) =>
    text.replace(
      /&lt;|&gt;|&quot;|&#39;|&amp;/g,
      (entity) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[entity] ?? entity,
    )
  const anyString = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom('"><at user_id="all"></at>', '</at><b>', "'&amp;'"),
  )

  it('emits exactly one at-tag whose id and name decode back to the input, whatever the input', () => {
    fc.assert(
      fc.property(anyString, anyString, (id, name) => {
        const markup = mention(id, name)
        const match = /^<at user_id="([^"<>]*)">([^<>]*)<\/at>$/.exec(markup)
        expect(match).not.toBeNull()
        expect(decode(match?.[1] ?? '')).toBe(id)
        expect(decode(match?.[2] ?? '')).toBe(name)
      }),
      { numRuns: fuzzRuns * 4 },
    )
  })
})
