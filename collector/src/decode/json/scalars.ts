/**
 * OTLP/JSON scalar rules (they differ from plain proto3 JSON):
 * - trace and span ids are hex, not base64;
 * - 64-bit integers may be strings or numbers; times stay decimal strings and
 *   never pass through a JS number when sent as strings;
 * - enums are integers, the enum value names are accepted too;
 * - `bytesValue` is base64.
 */

import { FieldError, get, type JsonObject, typeName } from './fields.js'

export function getString(obj: JsonObject, camel: string): string {
  const v = get(obj, camel)
  if (v === undefined) return ''
  if (typeof v !== 'string') throw new FieldError(camel, `expected a string, got ${typeName(v)}`)
  return v
}

const hexRe = /^[0-9a-fA-F]*$/
const base64IdRe = /^[A-Za-z0-9+/_-]{11}=?$|^[A-Za-z0-9+/_-]{22}(==)?$/

/**
 * Ids as lowercase hex, passed through whatever their length: normalization
 * rejects a bad id for its span alone. A client that wrongly sends proto3's
 * base64 (8 or 16 bytes) is understood rather than rejected.
 */
export function getId(obj: JsonObject, camel: string): string {
  const v = getString(obj, camel)
  if (hexRe.test(v)) return v.toLowerCase()
  if (base64IdRe.test(v)) return Buffer.from(v, 'base64').toString('hex')
  return v.toLowerCase()
}

const uintRe = /^\d+$/
const intRe = /^-?\d+$/
const maxUint64 = 2n ** 64n - 1n

/** A fixed64 nanosecond time as a canonical decimal string ('0' when absent). */
export function getTime(obj: JsonObject, camel: string): string {
  const v = get(obj, camel)
  if (v === undefined) return '0'
  if (typeof v === 'string' && uintRe.test(v)) {
    const n = BigInt(v)
    if (n <= maxUint64) return n.toString()
  }
  // A number was already rounded by JSON.parse past 2^53; take it as it is.
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return BigInt(v).toString()
  throw new FieldError(camel, `expected an unsigned 64-bit integer, got ${describe(v)}`)
}

export function toInt64(v: unknown, path: string): bigint {
  if (typeof v === 'string' && intRe.test(v)) return BigInt(v)
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v)
  throw new FieldError(path, `expected a 64-bit integer, got ${describe(v)}`)
}

export function toDouble(v: unknown, path: string): number {
  if (typeof v === 'number') return v
  if (typeof v === 'string') {
    if (v === 'NaN') return Number.NaN
    if (v === 'Infinity') return Number.POSITIVE_INFINITY
    if (v === '-Infinity') return Number.NEGATIVE_INFINITY
    const n = Number(v)
    if (v.trim() !== '' && !Number.isNaN(n)) return n
  }
  throw new FieldError(path, `expected a number, got ${describe(v)}`)
}

export function toBytes(v: unknown, path: string): Uint8Array {
  if (typeof v !== 'string') throw new FieldError(path, `expected a base64 string, got ${typeName(v)}`)
  return new Uint8Array(Buffer.from(v, 'base64'))
}

/** An enum given as its number or as its value name, e.g. 3 or 'SPAN_KIND_CLIENT'. */
export function getEnum(obj: JsonObject, camel: string, names: readonly string[]): number {
  const v = get(obj, camel)
  if (v === undefined) return 0
  if (typeof v === 'number' && Number.isInteger(v)) return v
  if (typeof v === 'string') {
    const i = names.indexOf(v)
    if (i >= 0) return i
    if (intRe.test(v)) return Number(v)
  }
  throw new FieldError(camel, `expected an enum number or one of ${names[0]}..., got ${describe(v)}`)
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)
  if (typeof v === 'number') return String(v)
  return typeName(v)
}
