import type { SpanEventRow, SpanRow } from '@assay/core'
import { messagesFromEvents, normalizeLogs, normalizeTraces } from '../../src/normalize/index.js'
import type { DecodedLogsRequest, DecodedTracesRequest } from '../../src/otlp/types.js'
import type { Fixture } from './fixtures.js'
import { logsFromJson, tracesFromJson } from './otlp-json.js'

/**
 * Normalizes every request of one library's scenario and, as the write or
 * read path will, fills a span's empty input/output from the message log
 * records that arrived for it on /v1/logs.
 */

export interface Decoder {
  traces(f: Fixture): DecodedTracesRequest
  logs(f: Fixture): DecodedLogsRequest
}

export const testConverter: Decoder = {
  traces: (f) => tracesFromJson(f.json),
  logs: (f) => logsFromJson(f.json),
}

export interface Scenario {
  spans: SpanRow[]
  events: SpanEventRow[]
  rejected: number
}

export function runScenario(fixtures: Fixture[], decoder: Decoder): Scenario {
  const spans: SpanRow[] = []
  const events: SpanEventRow[] = []
  let rejected = 0
  for (const f of fixtures) {
    if (f.signal === 'traces') {
      const out = normalizeTraces(decoder.traces(f), { projectId: 'p1' })
      spans.push(...out.spans)
      events.push(...out.events)
      rejected += out.rejected.count
    } else if (f.signal === 'logs') {
      const out = normalizeLogs(decoder.logs(f), { projectId: 'p1' })
      events.push(...out.events)
      rejected += out.rejected.count
    }
  }
  for (const span of spans) {
    const own = events.filter((e) => e.span_id === span.span_id && e.source === 'log')
    if (own.length === 0) continue
    const filled = messagesFromEvents(own)
    if (span.input === '' && filled.input) span.input = filled.input
    if (span.output === '' && filled.output) span.output = filled.output
  }
  return { spans, events, rejected }
}

export function spanNamed(s: Scenario, name: string | RegExp, nth = 0): SpanRow {
  const found = s.spans.filter((r) => (typeof name === 'string' ? r.name === name : name.test(r.name)))
  const row = found[nth]
  if (!row) throw new Error(`no span ${String(name)} #${nth} among ${s.spans.map((r) => r.name).join(', ')}`)
  return row
}

export function json(text: string): unknown {
  return JSON.parse(text)
}
