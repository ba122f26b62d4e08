/**
 * The write path's wire format: rows serialized once into a JSONEachRow
 * body and sent as one insert.
 *
 * Nanosecond times are written as bare JSON integers, which ClickHouse
 * reads into DateTime64(9) as exact ticks. A quoted string would be parsed
 * as a date text (ambiguous for short values) and a JS number loses
 * precision past 2^53; the integer literal is taken from the decimal
 * string itself, so nothing is rounded.
 */
import { Readable } from 'node:stream'
import type { ClickHouse } from '../connect.js'

const INT64_MAX = '9223372036854775807'

/** The decimal string as a JSON integer literal, after checking it is one (it is spliced into JSON). */
export function nanosLiteral(ns: string): string {
  if (!/^[0-9]{1,19}$/.test(ns) || (ns.length === 19 && ns > INT64_MAX)) {
    throw new TypeError(
      `time must be nanoseconds since the epoch as a decimal string, got ${JSON.stringify(ns)}`,
    )
  }
  // Leading zeros are rare (a client padding its times): skip the regex for the common case.
  return ns.length > 1 && ns.charCodeAt(0) === 48 ? ns.replace(/^0+(?=.)/, '') : ns
}

/**
 * One JSON object line: the given integer fields first, then the rest of
 * the row. `JSON.stringify(rest).slice(1)` reuses V8's fast serializer for
 * everything else.
 */
export function jsonLine(integers: string, rest: object): string {
  const tail = JSON.stringify(rest)
  return tail === '{}' ? `{${integers}}` : `{${integers},${tail.slice(1)}`
}

/** Send pre-serialized lines to `<database>.<table>` as one insert. */
export async function insertLines(ch: ClickHouse, table: string, lines: string[]): Promise<void> {
  if (lines.length === 0) return
  await insertBody(ch, table, lines.join('\n'))
}

/**
 * Send a ready JSONEachRow body as one insert (also the benchmark's baseline).
 * The body may already be UTF-8 bytes (the collector serializes each export
 * straight into a Buffer): it is then handed over as is, without a copy.
 */
export async function insertBody(ch: ClickHouse, table: string, body: string | Uint8Array): Promise<void> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : asBuffer(body)
  if (ch.rawInsert) {
    await ch.rawInsert(`${ch.database}.${table}`, bytes)
    return
  }
  // client.insert() only accepts raw streams for raw formats, so a
  // pre-serialized JSONEachRow body goes through exec().
  const result = await ch.client.exec({
    query: `INSERT INTO ${ch.database}.${table} FORMAT JSONEachRow`,
    values: Readable.from([bytes], { objectMode: false }),
  })
  result.stream.resume()
  await new Promise<void>((resolve, reject) => {
    result.stream.once('end', resolve).once('close', resolve).once('error', reject)
  })
}

/** A Buffer view of the same memory (no copy). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
