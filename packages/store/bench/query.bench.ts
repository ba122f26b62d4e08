/**
 * Read latency of the trace list, filtered trace search, one session and
 * one very large trace, on the embedded store holding 1,000,000 spans in
 * 100,000 traces over 7 days (plus one trace of 30,000 spans). Prints p50
 * and p95 of each against the targets (trace list p95 < 100 ms, the large
 * trace < 500 ms). Run with `npm run bench -w @assay/store`.
 *
 * Arguments: [traces (default 100000)] [runs per query (default 30)].
 */

import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseFilter } from '@assay/core'
import {
  createClickHouse,
  getSpanEvents,
  getTraceSpans,
  insertBody,
  listAssessments,
  migrateClickHouse,
} from '../src/clickhouse/index.js'
import { getSession, metricsOverTime, searchTraces } from '../src/clickhouse/search/index.js'
import { bigTraceLines, corpusLines, SPANS_PER_TRACE } from './trace-corpus.js'

const TRACES = Number(process.argv[2] ?? 100_000)
const RUNS = Number(process.argv[3] ?? 30)
const BATCH_TRACES = 10_000
const DAY_MS = 86_400_000
const projectId = 'bench'

const dir = mkdtempSync(join(tmpdir(), 'assay-bench-query-'))
const ch = createClickHouse({ dataDir: dir, database: 'bench_query' })

const kindAndDuration = parseFilter("span.kind = 'RETRIEVER' AND span.duration_ms > 500")
const attribute = parseFilter("span.attributes.feature.flag = 'beta-7'")

/** Background merges right after a bulk insert would be measured as query time: wait them out (bounded). */
async function settle(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const rs = await ch.client.query({
      query: 'SELECT count() AS n FROM system.merges WHERE database = {db:String}',
      query_params: { db: ch.database },
      format: 'JSONEachRow',
    })
    const [row] = await rs.json<{ n: string | number }>()
    if (!Number(row?.n)) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

async function measure(label: string, run: () => Promise<unknown>, targetMs?: number): Promise<void> {
  for (let i = 0; i < 3; i++) await run()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await run()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!
  const verdict =
    targetMs === undefined ? '' : pct(95) < targetMs ? `  ok (< ${targetMs} ms)` : `  OVER ${targetMs} ms`
  console.log(
    `${label.padEnd(44)} p50 ${pct(50).toFixed(1).padStart(7)} ms   p95 ${pct(95).toFixed(1).padStart(7)} ms${verdict}`,
  )
}

try {
  await migrateClickHouse(ch)
  const endMs = Date.now() - 60_000
  const corpus = { projectId, traces: TRACES, endMs, periodMs: 7 * DAY_MS }
  const t0 = performance.now()
  for (let first = 0; first < TRACES; first += BATCH_TRACES) {
    await insertBody(ch, 'spans', corpusLines(corpus, first, BATCH_TRACES).join('\n'))
  }
  const big = bigTraceLines(projectId, 30_000, endMs - 3 * 3_600_000)
  await insertBody(ch, 'spans', big.lines.join('\n'))
  const seconds = (performance.now() - t0) / 1000
  const spans = TRACES * SPANS_PER_TRACE + big.lines.length
  console.log(
    `inserted ${spans} spans in ${TRACES + 1} traces over 7 days: ${seconds.toFixed(1)} s (${(spans / seconds).toFixed(0)} spans/s)`,
  )

  await settle()
  const to = new Date(endMs + 60_000)
  const day = { projectId, from: new Date(to.getTime() - DAY_MS), to }
  const first = await searchTraces(ch, day)
  const session = first.items.find((t) => t.session_id !== 'sess-big')!.session_id
  console.log(`runs per query: ${RUNS}; load average ${loadavg()[0]!.toFixed(1)} on this machine`)
  await measure('trace list, last 24 h, first page', () => searchTraces(ch, day), 100)
  await measure(
    '  ... kind = RETRIEVER and duration > 500 ms',
    () => searchTraces(ch, { ...day, filter: kindAndDuration }),
    100,
  )
  await measure(
    '  ... attribute feature.flag = beta-7',
    () => searchTraces(ch, { ...day, filter: attribute }),
    100,
  )
  await measure('  ... sorted by cost', () => searchTraces(ch, { ...day, sort: 'cost' }), 100)
  await measure(`one session (${session}), 7-day window`, () =>
    getSession(ch, { projectId, sessionId: session, from: new Date(to.getTime() - 7 * DAY_MS), to }),
  )
  await measure('metrics, last 24 h, by model', () => metricsOverTime(ch, { ...day, groupBy: 'model' }))
  await measure(
    'one trace of 30,000 spans (spans, events, assessments)',
    () =>
      Promise.all([
        getTraceSpans(ch, projectId, big.traceId),
        getSpanEvents(ch, projectId, big.traceId),
        listAssessments(ch, projectId, big.traceId),
      ]),
    500,
  )
} finally {
  await ch.close()
  rmSync(dir, { recursive: true, force: true })
}
