import fc from 'fast-check'
import protobuf from 'protobufjs'
import { describe, expect, it } from 'vitest'
import { decodePbbp2Frame, encodePbbp2Frame, type Pbbp2Frame, pbbp2Header } from './pbbp2-frame.js'

// The reference: protobufjs's reflection API with the pbbp2 schema written out here.
const { Field, Root, Type } = protobuf
const root = new Root()
const HeaderType = new Type('Header')
  .add(new Field('key', 1, 'string', 'required'))
  .add(new Field('value', 2, 'string', 'required'))
const FrameType = new Type('Frame')
  .add(new Field('SeqID', 1, 'uint64', 'required'))
  .add(new Field('LogID', 2, 'uint64', 'required'))
  .add(new Field('service', 3, 'int32', 'required'))
  .add(new Field('method', 4, 'int32', 'required'))
  .add(new Field('headers', 5, 'Header', 'repeated'))
  .add(new Field('payload_encoding', 6, 'string', 'optional'))
  .add(new Field('payload_type', 7, 'string', 'optional'))
  .add(new Field('payload', 8, 'bytes', 'optional'))
  .add(new Field('LogIDNew', 9, 'string', 'optional'))
root.define('pbbp2').add(HeaderType).add(FrameType)
root.resolveAll()

const text = fc.string({ unit: 'binary', maxLength: 40 })
const uint64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(String)
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })
const frameArbitrary: fc.Arbitrary<Pbbp2Frame> = fc.record(
  {
    seqId: uint64,
    logId: uint64,
    service: int32,
    method: int32,
    headers: fc.array(fc.record({ key: text, value: text }), { maxLength: 6 }),
    payloadEncoding: text,
    payloadType: text,
    payload: fc.uint8Array({ maxLength: 300 }),
    logIdNew: text,
  },
  { requiredKeys: ['seqId', 'logId', 'service', 'method', 'headers'] },
)

function toReference(frame: Pbbp2Frame) {
  return FrameType.fromObject({
    SeqID: frame.seqId,
    LogID: frame.logId,
    service: frame.service,
    method: frame.method,
    headers: frame.headers,
    ...(frame.payloadEncoding === undefined ? {} : { payload_encoding: frame.payloadEncoding }),
    ...(frame.payloadType === undefined ? {} : { payload_type: frame.payloadType }),
    ...(frame.payload === undefined ? {} : { payload: frame.payload }),
    ...(frame.logIdNew === undefined ? {} : { LogIDNew: frame.logIdNew }),
  })
}

function fromReference(bytes: Uint8Array): Pbbp2Frame {
  const object = FrameType.toObject(FrameType.decode(bytes), { longs: String })
  const frame: Pbbp2Frame = {
    seqId: object.SeqID,
    logId: object.LogID,
    service: object.service,
    method: object.method,
    headers: (object.headers ?? []).map((header: { key: string; value: string }) => ({ ...header })),
  }
  if (object.payload_encoding !== undefined) frame.payloadEncoding = object.payload_encoding
  if (object.payload_type !== undefined) frame.payloadType = object.payload_type
  if (object.payload !== undefined) frame.payload = new Uint8Array(object.payload)
  if (object.LogIDNew !== undefined) frame.logIdNew = object.LogIDNew
  return frame
}

describe('pbbp2 Frame', () => {
  it('round-trips every frame exactly, 64-bit ids included', () => {
    fc.assert(
      fc.property(frameArbitrary, (frame) => {
        expect(decodePbbp2Frame(encodePbbp2Frame(frame))).toEqual(frame)
      }),
      { numRuns: 200 },
    )
  })

  it('writes the same bytes as protobufjs, and each reads the other', () => {
    fc.assert(
      fc.property(frameArbitrary, (frame) => {
        const ours = encodePbbp2Frame(frame)
        const reference = FrameType.encode(toReference(frame)).finish()
        expect(ours).toEqual(new Uint8Array(reference))
        expect(fromReference(ours)).toEqual(frame)
        expect(decodePbbp2Frame(reference)).toEqual(frame)
      }),
      { numRuns: 200 },
    )
  })

  it('skips fields it does not know, of every wire type', () => {
    const known: Pbbp2Frame = {
      seqId: '18446744073709551615',
      logId: '7',
      service: 3,
      method: 1,
      headers: [],
    }
    const unknown = Uint8Array.from([
      0x50,
      0x96,
      0x01, // field 10, varint 150
      0x59,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8, // field 11, fixed64
      0x62,
      2,
      0x68,
      0x69, // field 12, length-delimited "hi"
      0x6d,
      1,
      2,
      3,
      4, // field 13, fixed32
    ])
    const bytes = new Uint8Array([...unknown, ...encodePbbp2Frame(known), ...unknown])
    expect(decodePbbp2Frame(bytes)).toEqual(known)
  })

  it('refuses truncated bytes and ids that are not uint64', () => {
    const bytes = encodePbbp2Frame({
      seqId: '1',
      logId: '2',
      service: 1,
      method: 1,
      headers: [],
      payload: new Uint8Array(9),
    })
    expect(() => decodePbbp2Frame(bytes.subarray(0, bytes.length - 1))).toThrow(RangeError)
    expect(() =>
      encodePbbp2Frame({ seqId: '18446744073709551616', logId: '0', service: 0, method: 0, headers: [] }),
    ).toThrow(RangeError)
    expect(() => encodePbbp2Frame({ seqId: '-1', logId: '0', service: 0, method: 0, headers: [] })).toThrow(
      RangeError,
    )
  })

  it('finds a header by key', () => {
    const frame = { seqId: '0', logId: '0', service: 0, method: 0, headers: [{ key: 'type', value: 'pong' }] }
    expect(pbbp2Header(frame, 'type')).toBe('pong')
    expect(pbbp2Header(frame, 'sum')).toBeUndefined()
  })
})
