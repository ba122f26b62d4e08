/**
 * A small world for the filter tests: four traces whose spans and
 * assessments make each filter field, and each semantic rule, decidable
 * by which span or trace names come back. Span names are unique, so a
 * result is a sorted list of names.
 */
import { type Assessment, emptySpanRow, type FilterExpr, parseFilter, type SpanRow } from '@assay/core'
import { compileSpanFilter, compileTraceFilter, type SqlFragment } from '../../src/clickhouse/filter/index.js'
import {
  type ClickHouse,
  deleteAssessment,
  insertAssessments,
  insertSpans,
  overrideAssessment,
} from '../../src/clickhouse/index.js'
import { assessment, ns, SECOND, spanId, traceId } from './fixtures.js'
import { rows } from './helpers.js'

export const PROJECT = 'p-filter'
const MS = 1_000_000n
const BASE = 3600n * SECOND
export const WINDOW = { from: ns(0), to: ns(3n * BASE) }

/** A hostile name, key and value, stored as data; filters on them must find exactly them. */
export const HOSTILE = {
  name: "x' OR '1'='1",
  key: "x') OR 1=1 --",
  value: "'; DROP TABLE spans; --",
  unicodeKey: 'größe',
  unicodeValue: '😀 中文',
}

interface SpanSpec extends Partial<SpanRow> {
  name: string
  parent?: string
  startMs: number
  endMs: number
}

export interface World {
  traces: Record<'A' | 'B' | 'C' | 'D', string>
  spans: SpanRow[]
}

function build(trace: string, shared: Partial<SpanRow>, specs: SpanSpec[]): SpanRow[] {
  const ids = new Map(specs.map((s) => [s.name, spanId()]))
  return specs.map(({ name, parent, startMs, endMs, ...rest }) => ({
    ...emptySpanRow({
      project_id: PROJECT,
      trace_id: trace,
      span_id: ids.get(name)!,
      start_time: ns(BASE + BigInt(startMs) * MS),
      end_time: ns(BASE + BigInt(endMs) * MS),
    }),
    ...shared,
    ...rest,
    name,
    parent_span_id: parent ? ids.get(parent)! : '',
  }))
}

export async function seedWorld(ch: ClickHouse): Promise<World> {
  const traces = { A: traceId(), B: traceId(), C: traceId(), D: traceId() }
  const a = build(
    traces.A,
    {
      session_id: 's1',
      user_id: 'u1',
      model_id: 'm-1',
      environment: 'production',
      metadata: { tenant: 'acme' },
      tags: { team: 'support', vip: '' },
    },
    [
      {
        name: 'a-root',
        kind: 'CHAIN',
        status_code: 'OK',
        startMs: 0,
        endMs: 3000,
        service_name: 'checkout-bot',
      },
      {
        name: 'a-retriever',
        parent: 'a-root',
        kind: 'RETRIEVER',
        status_code: 'OK',
        startMs: 100,
        endMs: 700,
        attributes: { 'db.system': 'pgvector', top_k: '5', cached: 'true' },
      },
      {
        name: 'a-llm',
        parent: 'a-root',
        kind: 'LLM',
        status_code: 'OK',
        startMs: 800,
        endMs: 2800,
        model_request: 'gpt-4o',
        model_response: 'gpt-4o-2024-08-06',
        provider: 'openai',
        total_tokens: 150,
        cost_usd: 0.01,
        input: '{"q":"where is my order"}',
        output: 'It ships today',
        prompt_name: 'support',
        prompt_version: '3',
      },
      { name: 'a-tool', parent: 'a-root', kind: 'TOOL', status_code: 'ERROR', startMs: 2850, endMs: 2900 },
    ],
  )
  const b = build(
    traces.B,
    { session_id: 's2', user_id: 'u2', environment: 'staging', metadata: { tenant: 'globex' } },
    [
      { name: 'b-root', kind: 'AGENT', status_code: 'OK', startMs: 10_000, endMs: 10_500 },
      {
        name: 'b-retriever',
        parent: 'b-root',
        kind: 'RETRIEVER',
        status_code: 'OK',
        startMs: 10_010,
        endMs: 10_030,
        attributes: { 'db.system': 'qdrant', top_k: '20' },
      },
      {
        name: 'b-llm',
        parent: 'b-root',
        kind: 'LLM',
        status_code: 'OK',
        startMs: 10_040,
        endMs: 10_400,
        model_request: 'claude-sonnet',
        model_response: 'claude-sonnet',
        provider: 'anthropic',
        total_tokens: 1000,
        cost_usd: 0.2,
        output: 'Request TIMEOUT, retrying',
        prompt_name: 'support',
        prompt_version: '4',
      },
    ],
  )
  const c = build(traces.C, { metadata: { [HOSTILE.unicodeKey]: HOSTILE.unicodeValue } }, [
    { name: HOSTILE.name, kind: 'CHAIN', status_code: 'UNSET', startMs: 20_000, endMs: 20_100 },
    {
      name: 'c-child',
      parent: HOSTILE.name,
      kind: 'TOOL',
      status_code: 'OK',
      startMs: 20_010,
      endMs: 20_020,
      attributes: { [HOSTILE.key]: HOSTILE.value, 'weird key': '1' },
      input: 'connection timeout after 30s',
    },
  ])
  // D: a fast retriever and a slow LLM, so "a slow retriever" must not match it.
  const d = build(traces.D, {}, [
    { name: 'd-root', kind: 'CHAIN', status_code: 'OK', startMs: 30_000, endMs: 31_000 },
    {
      name: 'd-retriever',
      parent: 'd-root',
      kind: 'RETRIEVER',
      status_code: 'OK',
      startMs: 30_000,
      endMs: 30_100,
    },
    { name: 'd-llm', parent: 'd-root', kind: 'LLM', status_code: 'OK', startMs: 30_100, endMs: 31_000 },
  ])
  const spans = [...a, ...b, ...c, ...d]
  await insertSpans(ch, spans)
  // b-llm re-sent: sums over the trace must still count it once.
  await insertSpans(
    ch,
    b.filter((s) => s.name === 'b-llm'),
  )
  await seedAssessments(ch, traces)
  return { traces, spans }
}

async function seedAssessments(ch: ClickHouse, t: World['traces']): Promise<void> {
  const on = (trace: string, name: string, value: Assessment['value'], extra: Partial<Assessment> = {}) =>
    assessment({ project_id: PROJECT, trace_id: trace, name, value, ...extra })
  const correctnessB = on(t.B, 'correctness', 0.3)
  const helpfulB = on(t.B, 'helpful', true)
  await insertAssessments(ch, [
    on(t.A, 'correctness', 0.9),
    on(t.A, 'helpful', true),
    on(t.A, 'tone', 'polite'),
    correctnessB,
    helpfulB,
    on(t.B, 'tone', "it's 'rude'; --"),
    // C's judge failed; D has an expectation, not feedback.
    on(t.C, 'correctness', 0, { error: 'judge timed out' }),
    on(t.D, 'correctness', 0.1, { type: 'expectation' }),
  ])
  // B's correctness is corrected from 0.3 to 0.95 and its helpful withdrawn; the old rows linger unmerged.
  await overrideAssessment(ch, {
    project_id: PROJECT,
    assessment_id: correctnessB.assessment_id,
    value: 0.95,
  })
  await deleteAssessment(ch, PROJECT, helpfulB.assessment_id)
}

/** Names of the spans matching a span filter. */
export async function spanNames(ch: ClickHouse, filter: string | FilterExpr): Promise<string[]> {
  const expr = typeof filter === 'string' ? parseFilter(filter) : filter
  const where = compileSpanFilter(expr, { database: ch.database })
  assertParameterized(where)
  const found = await rows<{ name: string }>(
    ch,
    `SELECT DISTINCT name FROM ${ch.database}.spans WHERE project_id = {project_id:String} AND (${where.sql}) ORDER BY name`,
    { project_id: PROJECT, ...where.params },
  )
  return found.map((r) => r.name)
}

/** Letters of the traces matching a trace filter, through the query shape the trace search uses. */
export async function traceLetters(ch: ClickHouse, world: World, filter: string): Promise<string[]> {
  const { where, having } = compileTraceFilter(parseFilter(filter), { database: ch.database })
  if (where) assertParameterized(where)
  assertParameterized(having)
  const found = await rows<{ trace_id: string }>(
    ch,
    `SELECT trace_id FROM ${ch.database}.spans
WHERE project_id = {project_id:String}
  AND start_time >= fromUnixTimestamp64Nano({from:Int64}) AND start_time < fromUnixTimestamp64Nano({to:Int64})
  ${where ? `AND ${where.sql}` : ''}
GROUP BY trace_id
HAVING ${having.sql}`,
    { project_id: PROJECT, ...WINDOW, ...where?.params, ...having.params },
  )
  const letter = new Map(Object.entries(world.traces).map(([k, v]) => [v, k]))
  return found.map((r) => letter.get(r.trace_id)!).sort()
}

/** The SQL text holds placeholders only: no quoted literal other than the compiler's own constants. */
export function assertParameterized(fragment: SqlFragment): void {
  const constants = new Set(["''", "'ERROR'", "'feedback'", "'number'", "'boolean'", "'string'", "'/'"])
  for (const literal of fragment.sql.match(/'(?:[^'\\]|\\.)*'/g) ?? []) {
    if (!constants.has(literal)) throw new Error(`unexpected literal ${literal} in ${fragment.sql}`)
  }
}
