/**
 * One `key: value` pair of a long-connection frame (`pbbp2.Header`: key = field 1, value = field 2).
 * @see README.md#long-connection
 */
export interface Pbbp2Header {
  key: string
  value: string
}

/**
 * A frame of Feishu's long connection (`pbbp2.Frame`, protobuf proto2). The two uint64 ids are
 * exact decimal strings, so no digit is lost above 2^53. `method` 0 is a control frame (ping,
 * pong), 1 a data frame (an event or a callback); `service` is the `service_id` of the URL.
 * @see README.md#long-connection
 */
export interface Pbbp2Frame {
  /** Field 1, uint64, required. */
  seqId: string
  /** Field 2, uint64, required. */
  logId: string
  /** Field 3, int32, required. */
  service: number
  /** Field 4, int32, required. */
  method: number
  /** Field 5, repeated `Header`. */
  headers: Pbbp2Header[]
  /** Field 6, string, optional. */
  payloadEncoding?: string
  /** Field 7, string, optional. */
  payloadType?: string
  /** Field 8, bytes, optional. */
  payload?: Uint8Array
  /** Field 9, string, optional. */
  logIdNew?: string
}

const VARINT = 0
const FIXED64 = 1
const LENGTH_DELIMITED = 2
const FIXED32 = 5
const utf8 = new TextEncoder()
const fromUtf8 = new TextDecoder('utf-8', { ignoreBOM: true })
const uint64Max = (1n << 64n) - 1n

/** Growing byte buffer for the encoder. */
class Writer {
  private bytes = new Uint8Array(64)
  length = 0

  private room(extra: number): void {
    if (this.length + extra <= this.bytes.length) return
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra))
    next.set(this.bytes.subarray(0, this.length))
    this.bytes = next
  }

  varint(value: bigint): void {
    this.room(10)
    let rest = value
    while (rest > 0x7fn) {
      this.bytes[this.length++] = Number(rest & 0x7fn) | 0x80
      rest >>= 7n
    }
    this.bytes[this.length++] = Number(rest)
  }

  tag(field: number, wireType: number): void {
    this.varint(BigInt((field << 3) | wireType))
  }

  chunk(data: Uint8Array): void {
    this.varint(BigInt(data.length))
    this.room(data.length)
    this.bytes.set(data, this.length)
    this.length += data.length
  }

  done(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }
}

function uint64(name: string, value: string): bigint {
  if (!/^\d{1,20}$/.test(value) || BigInt(value) > uint64Max) {
    throw new RangeError(`pbbp2 Frame: ${name} must be a uint64 decimal string, got ${JSON.stringify(value)}`)
  }
  return BigInt(value)
}

function int32(name: string, value: number): bigint {
  if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) {
    throw new RangeError(`pbbp2 Frame: ${name} must be an int32, got ${value}`)
  }
  // A negative int32 is sign-extended to 64 bits on the wire (ten bytes).
  return BigInt.asUintN(64, BigInt(value))
}

/**
 * Encodes a frame as protobuf bytes, fields in number order, optional fields only when set.
 * @see README.md#long-connection
 */
export function encodePbbp2Frame(frame: Pbbp2Frame): Uint8Array {
  const out = new Writer()
  out.tag(1, VARINT)
  out.varint(uint64('seqId', frame.seqId))
  out.tag(2, VARINT)
  out.varint(uint64('logId', frame.logId))
  out.tag(3, VARINT)
  out.varint(int32('service', frame.service))
  out.tag(4, VARINT)
  out.varint(int32('method', frame.method))
  for (const header of frame.headers) {
    const inner = new Writer()
    inner.tag(1, LENGTH_DELIMITED)
    inner.chunk(utf8.encode(header.key))
    inner.tag(2, LENGTH_DELIMITED)
    inner.chunk(utf8.encode(header.value))
    out.tag(5, LENGTH_DELIMITED)
    out.chunk(inner.done())
  }
  const strings = [
    [6, frame.payloadEncoding],
    [7, frame.payloadType],
  ] as const
  for (const [field, value] of strings) {
    if (value === undefined) continue
    out.tag(field, LENGTH_DELIMITED)
    out.chunk(utf8.encode(value))
  }
  if (frame.payload !== undefined) {
    out.tag(8, LENGTH_DELIMITED)
    out.chunk(frame.payload)
  }
  if (frame.logIdNew !== undefined) {
    out.tag(9, LENGTH_DELIMITED)
    out.chunk(utf8.encode(frame.logIdNew))
  }
  return out.done()
}

/** Cursor over the bytes being decoded. */
class Reader {
  offset = 0
  constructor(
    private readonly bytes: Uint8Array,
    readonly end = bytes.length,
  ) {}

  varint(): bigint {
    let value = 0n
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.offset >= this.end) throw new RangeError('pbbp2 Frame: truncated varint')
      const byte = this.bytes[this.offset++] as number
      value |= BigInt(byte & 0x7f) << shift
      if (byte < 0x80) return BigInt.asUintN(64, value)
    }
    throw new RangeError('pbbp2 Frame: varint longer than ten bytes')
  }

  chunk(): Uint8Array {
    const length = Number(this.varint())
    if (length > this.end - this.offset) throw new RangeError('pbbp2 Frame: truncated field')
    const start = this.offset
    this.offset += length
    return this.bytes.subarray(start, this.offset)
  }

  skip(wireType: number): void {
    if (wireType === VARINT) this.varint()
    else if (wireType === LENGTH_DELIMITED) this.chunk()
    else if (wireType === FIXED64 || wireType === FIXED32) {
      this.offset += wireType === FIXED64 ? 8 : 4
      if (this.offset > this.end) throw new RangeError('pbbp2 Frame: truncated field')
    } else throw new RangeError(`pbbp2 Frame: unsupported wire type ${wireType}`)
  }
}

function decodeHeader(bytes: Uint8Array): Pbbp2Header {
  const reader = new Reader(bytes)
  const header: Pbbp2Header = { key: '', value: '' }
  while (reader.offset < reader.end) {
    const tag = Number(reader.varint())
    const [field, wireType] = [tag >>> 3, tag & 7]
    if (field === 1 && wireType === LENGTH_DELIMITED) header.key = fromUtf8.decode(reader.chunk())
    else if (field === 2 && wireType === LENGTH_DELIMITED) header.value = fromUtf8.decode(reader.chunk())
    else reader.skip(wireType)
  }
  return header
}

/**
 * Decodes protobuf bytes into a frame. Unknown fields are skipped; a missing required field reads
 * as 0 (ids `'0'`), like the other clients of this protocol; malformed bytes throw a `RangeError`.
 * @see README.md#long-connection
 */
export function decodePbbp2Frame(bytes: Uint8Array): Pbbp2Frame {
  const reader = new Reader(bytes)
  const frame: Pbbp2Frame = { seqId: '0', logId: '0', service: 0, method: 0, headers: [] }
  while (reader.offset < reader.end) {
    const tag = Number(reader.varint())
    const [field, wireType] = [tag >>> 3, tag & 7]
    if (wireType === VARINT && field >= 1 && field <= 4) {
      const value = reader.varint()
      if (field === 1) frame.seqId = value.toString()
      else if (field === 2) frame.logId = value.toString()
      else if (field === 3) frame.service = Number(BigInt.asIntN(32, value))
      else frame.method = Number(BigInt.asIntN(32, value))
    } else if (wireType === LENGTH_DELIMITED && field >= 5 && field <= 9) {
      const data = reader.chunk()
      if (field === 5) frame.headers.push(decodeHeader(data))
      else if (field === 6) frame.payloadEncoding = fromUtf8.decode(data)
      else if (field === 7) frame.payloadType = fromUtf8.decode(data)
      else if (field === 8)
        frame.payload = new Uint8Array(data) // a copy, and a plain Uint8Array even from a Buffer
      else frame.logIdNew = fromUtf8.decode(data)
    } else reader.skip(wireType)
  }
  return frame
}

/**
 * The value of the first header named `key`, if any.
 * @see README.md#long-connection
 */
export function pbbp2Header(frame: Pbbp2Frame, key: string): string | undefined {
  return frame.headers.find((header) => header.key === key)?.value
}
