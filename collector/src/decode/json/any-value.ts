/**
 * OTLP/JSON AnyValue and attribute lists -> the decoded AnyValue.
 *
 * An AnyValue object should hold one member. When it holds several (a
 * protobuf-to-JSON view that prints defaults shows `"stringValue": ""` beside
 * the real `intValue`), any non-string member wins over `stringValue`, which
 * matches what the protobuf decoder makes of the same wire bytes. `{}` is an
 * empty value: null (a log record without a body arrives as `"body": {}`).
 */

import type { AnyValue, Attributes } from '../../otlp/types.js'
import { newKvList } from '../kv-list.js'
import { maxValueDepth, valueTooDeepMessage } from '../value-depth.js'
import { asObject, atField, FieldError, get, type JsonObject, mapList } from './fields.js'
import { getString, toBytes, toDouble, toInt64 } from './scalars.js'

export function jsonAttributes(obj: JsonObject, camel: string, depth = 0): Attributes {
  const out = newKvList()
  mapList(obj, camel, (item) => {
    const kv = asObject(item, '')
    out[getString(kv, 'key')] = atField('value', () => jsonAnyValue(get(kv, 'value'), depth))
  })
  return out
}

export function jsonAnyValue(raw: unknown, depth = 0): AnyValue {
  if (raw === undefined) return null
  const v = asObject(raw, '')
  const array = get(v, 'arrayValue')
  if (array !== undefined) {
    if (depth >= maxValueDepth) throw tooDeep()
    return mapList(asObject(array, 'arrayValue'), 'values', (item) =>
      jsonAnyValue(item ?? undefined, depth + 1),
    )
  }
  const kvlist = get(v, 'kvlistValue')
  if (kvlist !== undefined) {
    if (depth >= maxValueDepth) throw tooDeep()
    return atField('kvlistValue', () => jsonAttributes(asObject(kvlist, ''), 'values', depth + 1))
  }
  const int = get(v, 'intValue')
  if (int !== undefined) return toInt64(int, 'intValue')
  const double = get(v, 'doubleValue')
  if (double !== undefined) return toDouble(double, 'doubleValue')
  const bool = get(v, 'boolValue')
  if (bool !== undefined) {
    if (typeof bool !== 'boolean') throw new FieldError('boolValue', 'expected true or false')
    return bool
  }
  const bytes = get(v, 'bytesValue')
  if (bytes !== undefined) return toBytes(bytes, 'bytesValue')
  if (get(v, 'stringValue') !== undefined) return getString(v, 'stringValue')
  return null
}

function tooDeep(): FieldError {
  return new FieldError('', valueTooDeepMessage)
}
