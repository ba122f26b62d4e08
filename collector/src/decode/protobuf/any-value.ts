/**
 * OTLP `AnyValue` / `KeyValue` from the wire into the decoded AnyValue and
 * attribute maps of otlp/types.ts. 64-bit integers become bigints without
 * passing through a JS number; nesting past `maxValueDepth` is refused as it
 * is read, so a 10,000-deep hostile value costs 33 levels, not a stack.
 */

import type { AnyValue, Attributes } from '../../otlp/types.js'
import { DecodeError } from '../decode-error.js'
import { newKvList } from '../kv-list.js'
import { maxValueDepth, valueTooDeepMessage } from '../value-depth.js'
import { enter, I64, LEN, leave, type Reader, readInt64, skip, tag, VARINT } from './wire.js'

const STRING = tag(1, LEN)
const BOOL = tag(2, VARINT)
const INT = tag(3, VARINT)
const DOUBLE = tag(4, I64)
const ARRAY = tag(5, LEN)
const KVLIST = tag(6, LEN)
const BYTES = tag(7, LEN)
/** `values` of ArrayValue and KeyValueList; `key` of KeyValue. */
const FIELD_1 = tag(1, LEN)
const KV_VALUE = tag(2, LEN)

/** Reads one `KeyValue` (length-prefixed) into `into`; a repeated key: the last wins. */
export function readKeyValue(r: Reader, into: Attributes, depth: number): void {
  const end = enter(r)
  let key = ''
  let value: AnyValue = null
  while (r.pos < end) {
    const t = r.tag()
    if (t === FIELD_1) key = r.string()
    else if (t === KV_VALUE) value = readAnyValue(r, depth)
    else skip(r, t)
  }
  leave(r, end)
  into[key] = value
}

/**
 * Reads one `AnyValue` (length-prefixed). The oneof member last seen on the
 * wire wins, so a client that writes an empty string_value before its
 * int_value (the JS exporter does) still yields the int; none seen is null.
 */
export function readAnyValue(r: Reader, depth: number): AnyValue {
  const end = enter(r)
  let value: AnyValue = null
  while (r.pos < end) {
    const t = r.tag()
    switch (t) {
      case STRING:
        value = r.string()
        break
      case BOOL:
        value = r.bool()
        break
      case INT:
        value = readInt64(r)
        break
      case DOUBLE:
        value = r.double()
        break
      case ARRAY:
        value = readList(r, depth, [])
        break
      case KVLIST:
        value = readList(r, depth, newKvList())
        break
      case BYTES:
        // A copy: the decoded value must not keep the whole request body alive.
        value = new Uint8Array(r.bytes())
        break
      default:
        skip(r, t)
    }
  }
  leave(r, end)
  return value
}

/** An ArrayValue (into an array) or a KeyValueList (into a map), one level deeper. */
function readList<T extends AnyValue[] | Attributes>(r: Reader, depth: number, into: T): T {
  if (depth >= maxValueDepth) throw new DecodeError('protobuf', `invalid protobuf: ${valueTooDeepMessage}`)
  const end = enter(r)
  while (r.pos < end) {
    const t = r.tag()
    if (t !== FIELD_1) skip(r, t)
    else if (Array.isArray(into)) into.push(readAnyValue(r, depth + 1))
    else readKeyValue(r, into as Attributes, depth + 1)
  }
  leave(r, end)
  return into
}
