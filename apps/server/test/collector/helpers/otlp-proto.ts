/**
 * A small protobuf writer and reader for the few OTLP messages the tests
 * send and read, written out by field number (opentelemetry-proto v1 and
 * google.rpc.Status) so the tests do not share the collector's decoder and
 * can write bytes no SDK would (wrong-length ids, invalid UTF-8).
 */
import type { AnyValue, KeyValue, OtlpSpan, TracesRequest } from './otlp.js'

const LEN = 2

function varint(value: bigint): Buffer {
  let v = BigInt.asUintN(64, value)
  const out: number[] = []
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80)
    v >>= 7n
  }
  out.push(Number(v))
  return Buffer.from(out)
}

const key = (field: number, wire: number) => varint(BigInt((field << 3) | wire))
const bytesField = (field: number, payload: Uint8Array) =>
  Buffer.concat([key(field, LEN), varint(BigInt(payload.length)), payload])
const stringField = (field: number, s: string | Uint8Array) =>
  bytesField(field, typeof s === 'string' ? Buffer.from(s, 'utf8') : s)
const uintField = (field: number, v: bigint | number) => Buffer.concat([key(field, 0), varint(BigInt(v))])
function fixed64Field(field: number, v: bigint): Buffer {
  const b = Buffer.alloc(8)
  b.writeBigUInt64LE(v)
  return Buffer.concat([key(field, 1), b])
}
function doubleField(field: number, v: number): Buffer {
  const b = Buffer.alloc(8)
  b.writeDoubleLE(v)
  return Buffer.concat([key(field, 1), b])
}

function anyValue(v: AnyValue): Buffer {
  if ('stringValue' in v) return stringField(1, v.stringValue)
  if ('boolValue' in v) return uintField(2, v.boolValue ? 1 : 0)
  if ('intValue' in v) return uintField(3, BigInt(v.intValue))
  if ('doubleValue' in v) return doubleField(4, v.doubleValue)
  if ('arrayValue' in v)
    return bytesField(5, Buffer.concat(v.arrayValue.values.map((x) => bytesField(1, anyValue(x)))))
  if ('kvlistValue' in v)
    return bytesField(6, Buffer.concat(v.kvlistValue.values.map((x) => bytesField(1, keyValue(x)))))
  return bytesField(7, Buffer.from(v.bytesValue, 'base64'))
}

const keyValue = (kv: KeyValue) => Buffer.concat([stringField(1, kv.key), bytesField(2, anyValue(kv.value))])
const keyValues = (field: number, list: KeyValue[] = []) => list.map((kv) => bytesField(field, keyValue(kv)))

function span(s: OtlpSpan): Buffer {
  const parts = [
    bytesField(1, Buffer.from(s.traceId, 'hex')),
    bytesField(2, Buffer.from(s.spanId, 'hex')),
    bytesField(4, Buffer.from(s.parentSpanId ?? '', 'hex')),
    stringField(5, s.name),
    uintField(6, s.kind ?? 1),
    fixed64Field(7, BigInt(s.startTimeUnixNano)),
    fixed64Field(8, BigInt(s.endTimeUnixNano)),
    ...keyValues(9, s.attributes),
  ]
  if (s.status) {
    parts.push(
      bytesField(
        15,
        Buffer.concat([stringField(2, s.status.message ?? ''), uintField(3, s.status.code ?? 0)]),
      ),
    )
  }
  return Buffer.concat(parts)
}

/** ExportTraceServiceRequest bytes for a request in OTLP/JSON shape. */
export function encodeTracesRequest(req: TracesRequest): Buffer {
  return Buffer.concat(
    req.resourceSpans.map((rs) => {
      const resource = rs.resource ? [bytesField(1, Buffer.concat(keyValues(1, rs.resource.attributes)))] : []
      const scopes = rs.scopeSpans.map((ss) => {
        const scope = ss.scope
          ? [
              bytesField(
                1,
                Buffer.concat([stringField(1, ss.scope.name), stringField(2, ss.scope.version ?? '')]),
              ),
            ]
          : []
        return bytesField(2, Buffer.concat([...scope, ...ss.spans.map((s) => bytesField(2, span(s)))]))
      })
      return bytesField(1, Buffer.concat([...resource, ...scopes]))
    }),
  )
}

/** Field number -> values (varints and fixed as bigint, length-delimited as bytes). */
function readFields(buf: Buffer): Map<number, (bigint | Buffer)[]> {
  const out = new Map<number, (bigint | Buffer)[]>()
  let pos = 0
  const readVarint = () => {
    let result = 0n
    let shift = 0n
    for (;;) {
      const byte = buf[pos++]
      if (byte === undefined) throw new Error('truncated protobuf')
      result |= BigInt(byte & 0x7f) << shift
      if (byte < 0x80) return result
      shift += 7n
    }
  }
  while (pos < buf.length) {
    const tag = Number(readVarint())
    const [field, wire] = [tag >> 3, tag & 7]
    const width = wire === 1 ? 8 : wire === 5 ? 4 : wire === LEN ? Number(readVarint()) : 0
    let value: bigint | Buffer
    if (wire === 0) value = readVarint()
    else if (wire === 1) value = buf.readBigUInt64LE(pos)
    else if (wire === 5) value = BigInt(buf.readUInt32LE(pos))
    else if (wire === LEN) value = buf.subarray(pos, pos + width)
    else throw new Error(`unexpected wire type ${wire}`)
    pos += width
    out.set(field, [...(out.get(field) ?? []), value])
  }
  return out
}

/** A google.rpc.Status body. */
export function decodeStatus(buf: Buffer): { code: number; message: string } {
  const f = readFields(buf)
  return { code: Number(f.get(1)?.[0] ?? 0n), message: String(f.get(2)?.[0] ?? '') }
}

/** The partialSuccess of an ExportTraceServiceResponse, or null when unset. */
export function decodePartialSuccess(buf: Buffer): { rejectedSpans: number; errorMessage: string } | null {
  const partial = readFields(buf).get(1)?.[0]
  if (!Buffer.isBuffer(partial)) return null
  const f = readFields(partial)
  return { rejectedSpans: Number(f.get(1)?.[0] ?? 0n), errorMessage: String(f.get(2)?.[0] ?? '') }
}
