/**
 * JSONEachRow bodies as bytes, built once per export.
 *
 * Each row's line is encoded into a reusable scratch buffer as soon as it
 * is serialized, and the export keeps one exact-size Buffer of its lines.
 * Compared with keeping the line strings until the flush (then joining
 * them and encoding the joined text):
 *
 * - the line strings die young (a scavenge frees them) instead of waiting
 *   for a flush in the old generation, where every collection marks them;
 * - a flush only copies bytes (`joinBodies`), with no 10+ MB string built,
 *   flattened and UTF-8 encoded on the event loop;
 * - the buffered bytes counted against the write budget are the real ones.
 *
 * The body is byte for byte what `lines.join('\n')` encoded would be.
 */

const NEWLINE = 0x0a
/** The scratch buffer starts here and grows as needed. */
const INITIAL_SCRATCH_BYTES = 4 << 20
/** A scratch buffer grown past this (an unusually large export) is not kept for the next export. */
const MAX_KEPT_SCRATCH_BYTES = 32 << 20

let scratch = Buffer.allocUnsafe(INITIAL_SCRATCH_BYTES)

/** `rows.map(line).join('\n')` as UTF-8 bytes, without the intermediate strings outliving this call. */
export function linesBody<T>(rows: readonly T[], line: (row: T) => string): Buffer {
  let buf = scratch
  let length = 0
  for (let i = 0; i < rows.length; i++) {
    const text = line(rows[i]!)
    // UTF-8 needs at most 3 bytes per UTF-16 code unit, plus the newline.
    const needed = length + text.length * 3 + 1
    if (needed > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, needed))
      buf.copy(bigger, 0, 0, length)
      buf = bigger
    }
    if (i > 0) buf[length++] = NEWLINE
    length += buf.write(text, length)
  }
  if (buf.length <= MAX_KEPT_SCRATCH_BYTES) scratch = buf
  // An exact-size copy: the scratch buffer is reused by the next export.
  return Buffer.from(buf.subarray(0, length))
}

/** Bodies of several exports as one body: joined with '\n', like their lines would be. */
export function joinBodies(bodies: readonly Buffer[]): Buffer {
  const parts: Buffer[] = []
  for (const body of bodies) {
    if (body.length === 0) continue
    if (parts.length > 0) parts.push(NEWLINE_BUFFER)
    parts.push(body)
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts)
}

const NEWLINE_BUFFER = Buffer.from([NEWLINE])
