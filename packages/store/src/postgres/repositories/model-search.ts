/**
 * LoggedModel search: conditions joined by AND over the name, status,
 * params, tags and evaluation metrics, newest first, one keyset page at a
 * time.
 *
 * - A param condition's value is text (it comes from a query string): it
 *   matches a stored string equal to it, a number equal to it read as a
 *   number (`0.2` matches `0.20`), or a boolean written `true`/`false`.
 * - A metric condition compares the mean of one scorer in the summary of
 *   the model's latest completed run (the runs CI reads); a model with no
 *   such run, or whose run has no such scorer, does not match.
 * All values travel as parameters.
 */
import type { LoggedModel, LoggedModelStatus } from '@assay/core'
import { and, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm'
import { scopeDigest } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { loggedModels } from '../schema/index.js'
import { createdBefore, createdMicros, type KeysetPage, pageLimit, toPage } from './model-keyset.js'
import { toLoggedModel } from './model-rows.js'

export const METRIC_OPERATORS = ['>=', '<=', '>', '<', '='] as const
export type MetricOperator = (typeof METRIC_OPERATORS)[number]

export interface MetricCondition {
  /** A scorer name in the run summary (`correctness`). */
  scorer: string
  op: MetricOperator
  value: number
}

export interface SearchLoggedModelsOptions {
  /** Exact name. */
  name?: string
  status?: LoggedModelStatus
  /** Param key -> value as text. */
  params?: Record<string, string>
  /** Tag key -> exact value. */
  tags?: Record<string, string>
  metrics?: MetricCondition[]
  limit?: number
  /** `nextCursor` of the previous page, for the same conditions. */
  cursor?: string
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/

function paramMatches(key: string, text: string): SQL {
  const typed: unknown[] = [text]
  if (NUMBER.test(text) && Number.isFinite(Number(text))) typed.push(Number(text))
  if (text === 'true' || text === 'false') typed.push(text === 'true')
  const alternatives = typed.map(
    (value) => sql`${loggedModels.params} @> ${JSON.stringify({ [key]: value })}::jsonb`,
  )
  return sql`(${sql.join(alternatives, sql` or `)})`
}

function metricMatches(projectId: string, m: MetricCondition): SQL {
  const latestMean = sql`(
    select (r.summary -> 'scorers' -> ${m.scorer}::text ->> 'mean')::double precision
    from evaluation_runs r
    where r.project_id = ${projectId} and r.logged_model_id = ${loggedModels.id}
      and r.status = 'completed' and r.summary is not null
    order by r.created_at desc, r.id desc
    limit 1
  )`
  // The operator comes from the fixed list above, never from the caller's text.
  return sql`${latestMean} ${sql.raw(m.op)} ${m.value}::double precision`
}

/**
 * @example
 * await searchLoggedModels(db, projectId, { params: { temperature: '0.2' }, metrics: [{ scorer: 'correctness', op: '>', value: 0.8 }] })
 */
export async function searchLoggedModels(
  db: AssayDb,
  projectId: string,
  options: SearchLoggedModelsOptions = {},
): Promise<KeysetPage<LoggedModel>> {
  const limit = pageLimit(options.limit)
  const { name, status, params = {}, tags = {}, metrics = [] } = options
  for (const m of metrics) {
    if (!METRIC_OPERATORS.includes(m.op)) throw new TypeError(`unknown metric operator ${m.op}`)
  }
  const scope = `models:${scopeDigest([name, status, params, tags, metrics])}`
  const conditions = [
    eq(loggedModels.projectId, projectId),
    name === undefined ? undefined : eq(loggedModels.name, name),
    status === undefined ? undefined : eq(loggedModels.status, status),
    ...Object.entries(params).map(([k, v]) => paramMatches(k, v)),
    ...Object.entries(tags).map(
      ([k, v]) => sql`${loggedModels.tags} @> ${JSON.stringify({ [k]: v })}::jsonb`,
    ),
    ...metrics.map((m) => metricMatches(projectId, m)),
    createdBefore(loggedModels, scope, options.cursor),
  ]
  const rows = await db
    .select({ ...getTableColumns(loggedModels), micros: createdMicros(loggedModels.createdAt) })
    .from(loggedModels)
    .where(and(...conditions))
    .orderBy(desc(loggedModels.createdAt), desc(loggedModels.id))
    .limit(limit + 1)
  return toPage(rows, limit, scope, ({ micros: _, ...row }) => toLoggedModel(row))
}
