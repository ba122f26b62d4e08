/**
 * A few protobuf wire helpers for building hostile bodies by hand (the real
 * encoder would refuse them: 10,000-deep values, invalid UTF-8, odd ids).
 */

export function varint(n: number): Buffer {
  const out: number[] = []
  let v = n
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
  return Buffer.from(out)
}

/** A length-delimited field (wire type 2). */
export function ld(field: number, payload: Buffer | string): Buffer {
  const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload
  return Buffer.concat([varint((field << 3) | 2), varint(bytes.length), bytes])
}

/** A KeyValue message body. */
export const kv = (key: string, anyValue: Buffer) => Buffer.concat([ld(1, key), ld(2, anyValue)])

/** ExportTraceServiceRequest { resource_spans { scope_spans { spans: [span] } } } */
export function tracesRequest(...spans: Buffer[]): Buffer {
  return ld(1, ld(2, Buffer.concat(spans.map((s) => ld(2, s)))))
}

/** ExportLogsServiceRequest { resource_logs { scope_logs { log_records: [record] } } } */
export function logsRequest(...records: Buffer[]): Buffer {
  return ld(1, ld(2, Buffer.concat(records.map((r) => ld(2, r)))))
}

/** An AnyValue nested `depth` arrays deep around a string. */
export function nestedArrayValue(depth: number): Buffer {
  let v = ld(1, 'leaf')
  for (let i = 0; i < depth; i++) v = ld(5, ld(1, v))
  return v
}

export function nestedArrayJson(depth: number): string {
  return `${'{"arrayValue":{"values":['.repeat(depth)}{"stringValue":"leaf"}${']}}'.repeat(depth)}`
}
