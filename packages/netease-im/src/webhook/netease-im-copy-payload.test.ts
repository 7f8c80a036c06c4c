import { describe, expect, it } from 'vitest'
import { copyId, readNeteaseImCopy } from './netease-im-copy-payload.js'

describe('readNeteaseImCopy', () => {
  it('keeps a raw 64-bit msgidServer exact and accepts eventType as a number', () => {
    const text =
      '{"eventType":1,"convType":"TEAM","to":123,"fromAccount":"a","msgType":"TEXT","body":"x","msgidServer":9223372036854775807}'
    const payload = readNeteaseImCopy(text, 'ABC')
    expect(payload).toMatchObject({
      kind: 'event',
      eventType: '1',
      keys: ['1:9223372036854775807'],
      event: { msgidServer: '9223372036854775807' },
      message: { to: '123', msgidServer: '9223372036854775807' },
    })
  })

  it('keys copies without a server id by their MD5, and passes unknown event types through', () => {
    expect(readNeteaseImCopy('{"eventType":"99","x":1}', 'ABCDEF')).toMatchObject({
      kind: 'event',
      eventType: '99',
      keys: ['md5:abcdef'],
    })
    expect(readNeteaseImCopy('{}', '')).toEqual({ kind: 'address-check' })
  })

  it('sorts out bodies that are not a copy', () => {
    for (const text of [
      '',
      'null',
      '"x"',
      '{"eventType":""}',
      '{"eventType":true}',
      '{"eventType":"1","convType":"PERSON","fromAccount":"a","to":"b"}',
    ]) {
      expect(readNeteaseImCopy(text, '').kind).toBe('malformed')
    }
  })

  it('reads ids from non-empty strings and safe integers only', () => {
    expect([copyId('7'), copyId(7), copyId(''), copyId(1.5), copyId(null)]).toEqual([
      '7',
      '7',
      undefined,
      undefined,
      undefined,
    ])
  })
})
