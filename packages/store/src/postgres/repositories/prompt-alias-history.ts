/**
 * The history of a prompt's aliases, newest move first, one keyset page at
 * a time. The key is (changed_at in microseconds, id): `timestamptz` keeps
 * microseconds that a JS Date would round away, so the cursor carries the
 * database's own value as text.
 */
import type { PromptAliasChange } from '@assay/core'
import { and, desc, eq, sql } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { promptAliasHistory } from '../schema/index.js'
import { type PromptPage, pageLimit, toPromptAliasChange } from './prompt-rows.js'
import { requirePrompt } from './prompts.js'

export interface ListAliasHistoryOptions {
  /** Only the moves of this alias. */
  alias?: string
  /** Default 50, at most 1000. */
  limit?: number
  cursor?: string
}

const MICROS = /^[0-9]{1,19}$/
const ID = /^[0-9a-f-]{36}$/

export async function listPromptAliasHistory(
  db: AssayDb,
  projectId: string,
  name: string,
  options: ListAliasHistoryOptions = {},
): Promise<PromptPage<PromptAliasChange>> {
  const prompt = await requirePrompt(db, projectId, name)
  const scope = `prompt-alias-history:${prompt.id}:${options.alias ?? ''}`
  const limit = pageLimit(options.limit)
  const after = options.cursor ? decodeCursor(options.cursor, scope, [MICROS, ID]) : undefined
  const micros = sql<string>`(extract(epoch from ${promptAliasHistory.changedAt}) * 1000000)::bigint`
  const rows = await db
    .select({ row: promptAliasHistory, micros: sql<string>`${micros}::text` })
    .from(promptAliasHistory)
    .where(
      and(
        eq(promptAliasHistory.projectId, projectId),
        eq(promptAliasHistory.promptId, prompt.id),
        options.alias === undefined ? undefined : eq(promptAliasHistory.alias, options.alias),
        after === undefined
          ? undefined
          : sql`(${micros}, ${promptAliasHistory.id}) < (${after[0]}::bigint, ${after[1]})`,
      ),
    )
    .orderBy(desc(micros), desc(promptAliasHistory.id))
    .limit(limit + 1)
  const items = rows.slice(0, limit).map((r) => toPromptAliasChange(r.row))
  if (rows.length <= limit) return { items }
  const last = rows[limit - 1]!
  return { items, nextCursor: encodeCursor(scope, [last.micros, last.row.id]) }
}
