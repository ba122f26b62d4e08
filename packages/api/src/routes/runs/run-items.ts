/**
 * A run's items for the dashboard's drill-down: the run's assessments
 * grouped by trace (the store), joined with each trace's root span and,
 * when the run used a dataset, the dataset item's expectations.
 */
import type { DatasetItem, EvaluationRun } from '@assay/core'
import { getRootSpans, listDatasetItems, type RunItemScores, verdictOf } from '@assay/store'
import type { z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import type { RunItem, RunScore } from './item-schemas.js'

export const ITEM_CHARS = 20_000
/** Dataset items read to find expectations: the API's limit of items per dataset version added at once. */
const MAX_DATASET_ITEMS = 10_000

/** Assessments of a run are written after it is created; a minute of slack for clocks. */
export const runSince = (run: EvaluationRun) => run.createdAt - 60_000

export function scoreOf(a: RunItemScores['scores'][number]): z.infer<typeof RunScore> {
  return {
    assessmentId: a.assessment_id,
    name: a.name,
    value: a.error ? null : a.value,
    passed: verdictOf(a),
    rationale: a.rationale,
    error: a.error,
    sourceType: a.source_type,
    sourceId: a.source_id,
    spanId: a.span_id,
  }
}

/** The expectations of the dataset items named, as of the run's dataset version. */
async function expectationsOf(deps: ApiDeps, run: EvaluationRun, ids: Set<string>) {
  const found = new Map<string, DatasetItem['expectations']>()
  if (!run.datasetId || ids.size === 0) return found
  let cursor: string | undefined
  let read = 0
  do {
    const page = await listDatasetItems(deps.postgres.db, {
      projectId: run.projectId,
      datasetId: run.datasetId,
      version: run.datasetVersion ?? undefined,
      limit: 1000,
      cursor,
    }).catch(() => undefined) // a dataset deleted since: items show without expectations
    if (!page) break
    for (const item of page.items) if (ids.has(item.id)) found.set(item.id, item.expectations)
    read += page.items.length
    cursor = page.nextCursor
  } while (cursor && found.size < ids.size && read < MAX_DATASET_ITEMS)
  return found
}

export async function runItems(
  deps: ApiDeps,
  run: EvaluationRun,
  items: RunItemScores[],
): Promise<z.infer<typeof RunItem>[]> {
  const roots = await getRootSpans(
    deps.clickhouse,
    run.projectId,
    items.map((i) => i.trace_id),
    ITEM_CHARS,
  )
  const evalIds = new Set([...roots.values()].map((r) => r.eval_item).filter(Boolean))
  const expectations = await expectationsOf(deps, run, evalIds)
  return items.map((item) => {
    const root = roots.get(item.trace_id)
    const evalItem = root?.eval_item ?? ''
    return {
      traceId: item.trace_id,
      evalItem,
      passed: item.passed,
      name: root?.name ?? '',
      statusCode: root?.status_code ?? 'UNSET',
      durationMs: root?.duration_ms ?? 0,
      input: root?.input ?? '',
      output: root?.output ?? '',
      truncated: root?.truncated ?? false,
      expectations: (evalItem && expectations.get(evalItem)) || null,
      scores: item.scores.map(scoreOf),
    }
  })
}
