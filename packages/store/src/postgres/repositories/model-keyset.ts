/**
 * Newest-first keyset pages over `(created_at, id)`, shared by the
 * LoggedModel and evaluation-run lists.
 *
 * The cursor keeps `created_at` as whole microseconds since the epoch (the
 * column's own precision), not as a JS Date: a Date holds milliseconds, and
 * rows created within one millisecond would be skipped or repeated at a
 * page boundary. The comparison rebuilds the timestamp from that integer
 * in SQL (`'epoch' + n * 1µs` is exact integer arithmetic), so the index on
 * `(project_id, created_at)` still serves it.
 */
import { type AnyColumn, type SQL, sql } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../cursor.js'

const MICROS = /^[0-9]{1,19}$/
const ID = /^[\w.:-]{1,128}$/

export interface KeysetPage<T> {
  items: T[]
  /** Absent on the last page. */
  nextCursor?: string
}

/** Clamp a page size into [1, 1000], 50 when absent. */
export function pageLimit(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? 50), 1), 1000)
}

/** `created_at` as exact microseconds since the epoch, to select beside a row for its cursor. */
export function createdMicros(createdAt: AnyColumn): SQL<string> {
  return sql<string>`(extract(epoch from ${createdAt}) * 1000000)::bigint::text`
}

/**
 * The condition "after the cursor" in newest-first order, or undefined
 * without a cursor. A cursor issued for another `scope` (list or filter)
 * throws `InvalidCursorError`.
 */
export function createdBefore(
  columns: { createdAt: AnyColumn; id: AnyColumn },
  scope: string,
  cursor: string | undefined,
): SQL | undefined {
  if (cursor === undefined) return undefined
  const [micros, id] = decodeCursor(cursor, scope, [MICROS, ID])
  return sql`(${columns.createdAt}, ${columns.id}) < ('epoch'::timestamptz + ${micros}::bigint * interval '1 microsecond', ${id}::text)`
}

/**
 * The page of `rows` (fetched with `limit + 1`) and the cursor after its last row.
 *
 * @example
 * const rows = await db.select({ ...getTableColumns(t), micros: createdMicros(t.createdAt) }).from(t)
 *   .where(and(scoped, createdBefore(t, scope, cursor))).orderBy(desc(t.createdAt), desc(t.id)).limit(limit + 1)
 * return toPage(rows, limit, scope, toDomain)
 */
export function toPage<R extends { id: string; micros: string }, T>(
  rows: R[],
  limit: number,
  scope: string,
  map: (row: R) => T,
): KeysetPage<T> {
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return rows.length > limit && last
    ? { items: page.map(map), nextCursor: encodeCursor(scope, [last.micros, last.id]) }
    : { items: page.map(map) }
}
