/**
 * Two runs item by item. Items match by the dataset item the runner
 * stamped on the trace, else by the trace's input (runs that scored the
 * same traces, or a dataset run without item ids). An item regressed when a
 * scorer that passed it in the baseline fails it now; improved when one
 * went the other way and none got worse.
 */
import type { EvaluationRun } from '@assay/core'
import { getRootSpans, groupRunItems, listRunAssessments, type RunItemScores } from '@assay/store'
import type { z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import type { COMPARE_CHANGES, ComparedItem, RunComparison } from './item-schemas.js'
import { runSince, scoreOf } from './run-items.js'

const MAX_ITEMS = 5_000
const INPUT_CHARS = 300
/** Inputs are compared up to this many characters. */
const KEY_CHARS = 4_000

type Change = (typeof COMPARE_CHANGES)[number]
type Side = { passed: boolean | null; traceId: string; input: string; scores: RunItemScores['scores'] }
type Cells = z.infer<typeof ComparedItem>['base']

async function sideOf(
  deps: ApiDeps,
  run: EvaluationRun,
): Promise<{ items: Map<string, Side>; truncated: boolean }> {
  const grouped = groupRunItems(
    await listRunAssessments(deps.clickhouse, run.projectId, run.id, runSince(run)),
  )
  const truncated = grouped.length > MAX_ITEMS
  const kept = grouped.slice(0, MAX_ITEMS)
  const roots = new Map()
  for (let i = 0; i < kept.length; i += 500) {
    const ids = kept.slice(i, i + 500).map((x) => x.trace_id)
    for (const [k, v] of await getRootSpans(deps.clickhouse, run.projectId, ids, KEY_CHARS)) roots.set(k, v)
  }
  const items = new Map<string, Side>()
  for (const item of kept) {
    const root = roots.get(item.trace_id)
    const key = root?.eval_item
      ? `item:${root.eval_item}`
      : root
        ? `input:${root.input}`
        : `trace:${item.trace_id}`
    items.set(key, {
      passed: item.passed,
      traceId: item.trace_id,
      input: root?.input ?? '',
      scores: item.scores,
    })
  }
  return { items, truncated }
}

function cells(side: Side | undefined): Cells {
  const out: Cells = {}
  for (const a of side?.scores ?? []) {
    const s = scoreOf(a)
    out[s.name] = { value: s.value, passed: s.passed, error: s.error }
  }
  return out
}

/** Worse on any scorer is a regression (it is what blocks a release); else better on any is an improvement. */
function changeOf(base: Side | undefined, head: Side | undefined, b: Cells, h: Cells): Change {
  if (!base) return 'added'
  if (!head) return 'removed'
  const names = Object.keys(b).filter((n) => h[n] !== undefined)
  if (names.some((n) => b[n]!.passed === true && h[n]!.passed === false)) return 'regressed'
  if (names.some((n) => b[n]!.passed === false && h[n]!.passed === true)) return 'improved'
  if (base.passed === true && head.passed === false) return 'regressed'
  if (base.passed === false && head.passed === true) return 'improved'
  return 'unchanged'
}

const ORDER: Change[] = ['regressed', 'improved', 'added', 'removed', 'unchanged']

function numeric(v: unknown): number | null {
  return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : null
}

function stats(items: Cells[], name: string) {
  const cellsOf = items.map((c) => c[name]).filter((c) => c !== undefined)
  const decided = cellsOf.filter((c) => c.passed !== null)
  const values = cellsOf.map((c) => numeric(c.value)).filter((v) => v !== null)
  return {
    passRate: decided.length ? decided.filter((c) => c.passed).length / decided.length : null,
    mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
  }
}

export async function compareRuns(
  deps: ApiDeps,
  head: EvaluationRun,
  base: EvaluationRun,
): Promise<z.infer<typeof RunComparison>> {
  const [b, h] = await Promise.all([sideOf(deps, base), sideOf(deps, head)])
  const keys = [...new Set([...b.items.keys(), ...h.items.keys()])]
  const items = keys.map((key): z.infer<typeof ComparedItem> => {
    const x = b.items.get(key)
    const y = h.items.get(key)
    const base = cells(x)
    const head = cells(y)
    return {
      key: key.startsWith('item:') ? key.slice(5) : (y ?? x)!.traceId,
      change: changeOf(x, y, base, head),
      input: (y ?? x)!.input.slice(0, INPUT_CHARS),
      baseTraceId: x?.traceId ?? null,
      headTraceId: y?.traceId ?? null,
      basePassed: x?.passed ?? null,
      headPassed: y?.passed ?? null,
      base,
      head,
    }
  })
  items.sort((p, q) => ORDER.indexOf(p.change) - ORDER.indexOf(q.change))
  const counts = Object.fromEntries(
    ORDER.map((c) => [c, items.filter((i) => i.change === c).length]),
  ) as Record<Change, number>
  const names = [...new Set(items.flatMap((i) => [...Object.keys(i.base), ...Object.keys(i.head)]))].sort()
  const scorers = names.map((name) => {
    const bs = stats(
      items.map((i) => i.base),
      name,
    )
    const hs = stats(
      items.map((i) => i.head),
      name,
    )
    const moved = (from: boolean, to: boolean) =>
      items.filter((i) => i.base[name]?.passed === from && i.head[name]?.passed === to).length
    return {
      name,
      basePassRate: bs.passRate,
      headPassRate: hs.passRate,
      baseMean: bs.mean,
      headMean: hs.mean,
      improved: moved(false, true),
      regressed: moved(true, false),
    }
  })
  return { base: base.id, head: head.id, counts, scorers, items, truncated: b.truncated || h.truncated }
}
