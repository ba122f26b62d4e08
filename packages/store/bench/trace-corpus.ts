/**
 * The query benchmark's corpus: traces of ten spans (an agent root with LLM,
 * retriever, tool, chain and embedding children) spread evenly over a
 * period ending now, written straight to JSONEachRow lines so a million rows
 * are generated and inserted batch by batch without holding them all.
 *
 * Sessions are 20 consecutive traces; 1 span in 50 errors; retrievers are
 * slower than 500 ms about one time in ten; `feature.flag` takes 20 values.
 */
import { randomBytes } from 'node:crypto'
import type { SpanRow } from '@assay/core'
import { spanLine } from '../src/clickhouse/write/insert-spans.js'

export const SPANS_PER_TRACE = 10
const CHILD_KINDS = [
  'LLM',
  'RETRIEVER',
  'LLM',
  'TOOL',
  'RETRIEVER',
  'LLM',
  'TOOL',
  'CHAIN',
  'EMBEDDING',
] as const
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3.1-70b']
const MS = 1_000_000n
const hex = (bytes: number) => randomBytes(bytes).toString('hex')

export interface CorpusOptions {
  projectId: string
  traces: number
  /** Traces start evenly over [end - periodMs, end). */
  endMs: number
  periodMs: number
}

/** JSONEachRow lines of traces [first, first + count), in start order. */
export function corpusLines(o: CorpusOptions, first: number, count: number): string[] {
  const lines: string[] = []
  const step = o.periodMs / o.traces
  for (let t = first; t < first + count && t < o.traces; t++) {
    const start = BigInt(Math.round(o.endMs - o.periodMs + t * step)) * MS
    const traceId = hex(16)
    const rootId = hex(8)
    const common = {
      project_id: o.projectId,
      trace_id: traceId,
      session_id: `sess-${Math.floor(t / 20)}`,
      user_id: `user-${t % 500}`,
      flag: `beta-${t % 20}`,
    }
    lines.push(spanLine(row(common, rootId, '', 'AGENT', 'support agent', start, start + 3000n * MS, t)))
    CHILD_KINDS.forEach((kind, i) => {
      const childStart = start + BigInt(10 + i * 300) * MS
      const ms = kind === 'RETRIEVER' ? ((t * 7919 + i * 104729) % 560) + 5 : 40 + ((t + i) % 250)
      lines.push(
        spanLine(
          row(
            common,
            hex(8),
            rootId,
            kind,
            `${kind.toLowerCase()} step`,
            childStart,
            childStart + BigInt(ms) * MS,
            t + i,
          ),
        ),
      )
    })
  }
  return lines
}

/** One trace of `spans` spans (a root and its children, 1 ms apart) starting at `startMs`. */
export function bigTraceLines(
  projectId: string,
  spans: number,
  startMs: number,
): { traceId: string; lines: string[] } {
  const traceId = hex(16)
  const rootId = hex(8)
  const start = BigInt(startMs) * MS
  const common = {
    project_id: projectId,
    trace_id: traceId,
    session_id: 'sess-big',
    user_id: 'user-big',
    flag: 'beta-0',
  }
  const lines = [
    spanLine(row(common, rootId, '', 'AGENT', 'batch job', start, start + BigInt(spans + 10) * MS, 1)),
  ]
  for (let i = 1; i < spans; i++) {
    const s = start + BigInt(i) * MS
    lines.push(spanLine(row(common, hex(8), rootId, 'TOOL', 'lookup', s, s + 5n * MS, i)))
  }
  return { traceId, lines }
}

interface Common {
  project_id: string
  trace_id: string
  session_id: string
  user_id: string
  flag: string
}

function row(
  c: Common,
  spanId: string,
  parent: string,
  kind: SpanRow['kind'],
  name: string,
  start: bigint,
  end: bigint,
  n: number,
): SpanRow {
  const llm = kind === 'LLM'
  const model = MODELS[n % MODELS.length]!
  return {
    project_id: c.project_id,
    trace_id: c.trace_id,
    span_id: spanId,
    parent_span_id: parent,
    name: llm ? `chat ${model}` : name,
    kind,
    status_code: n % 50 === 0 ? 'ERROR' : 'OK',
    status_message: '',
    start_time: start.toString(),
    end_time: end.toString(),
    service_name: n % 3 ? 'support-bot' : 'search-api',
    scope_name: '@assay/sdk',
    model_request: llm ? model : '',
    model_response: llm ? `${model}-2024-08-06` : '',
    provider: llm ? 'openai' : '',
    input_tokens: llm ? 300 + (n % 200) : 0,
    output_tokens: llm ? 50 + (n % 90) : 0,
    cached_tokens: 0,
    reasoning_tokens: 0,
    total_tokens: llm ? 350 + (n % 200) + (n % 90) : 0,
    cost_usd: llm ? 0.0001 * (1 + (n % 37)) : 0,
    input: JSON.stringify([{ role: 'user', content: `Where is order #${n}? It has not arrived yet.` }]),
    output: JSON.stringify([{ role: 'assistant', content: `Order #${n} ships today.` }]),
    attributes: { 'feature.flag': c.flag, 'gen_ai.operation.name': llm ? 'chat' : kind.toLowerCase() },
    resource_attributes: { 'service.name': 'support-bot', 'host.name': `web-${n % 8}` },
    session_id: c.session_id,
    user_id: c.user_id,
    model_id: 'm-7',
    prompt_name: 'support',
    prompt_version: '3',
    environment: n % 10 ? 'production' : 'staging',
    tags: { team: 'support' },
    metadata: { tenant: 'acme' },
  }
}
