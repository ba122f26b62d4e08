/**
 * Insert throughput of the span write path, measured against the engine's
 * own limit in the same run: `insertSpans` over batches, versus the same
 * rows as one pre-serialized JSONEachRow buffer into the same table shape
 * (including the trace_index materialized view). Run with `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClickHouse, insertBody, insertSpans, migrateClickHouse } from '../src/clickhouse/index.js'
import { spanLine } from '../src/clickhouse/write/insert-spans.js'
import { generateSpans } from './span-generator.js'

const ROWS = Number(process.argv[2] ?? 100_000)
const BATCH = Number(process.argv[3] ?? 10_000)

const dir = mkdtempSync(join(tmpdir(), 'assay-bench-ch-'))
const store = createClickHouse({ dataDir: dir, database: 'bench_store' })
const raw = createClickHouse({ dataDir: dir, database: 'bench_raw' })

try {
  await migrateClickHouse(store)
  await migrateClickHouse(raw)
  const rows = generateSpans(ROWS)
  const body = rows.map(spanLine).join('\n')
  const bytes = Buffer.byteLength(body)
  console.log(`${ROWS} spans, ${(bytes / ROWS).toFixed(0)} bytes/row as JSONEachRow, batches of ${BATCH}`)

  // Warm up both paths so neither pays first-query costs in the measurement.
  await insertSpans(store, rows.slice(0, 100))
  await insertBody(raw, 'spans', body.slice(0, body.indexOf('\n', 50_000)))

  const t0 = performance.now()
  for (let i = 0; i < rows.length; i += BATCH) await insertSpans(store, rows.slice(i, i + BATCH))
  const storeSeconds = (performance.now() - t0) / 1000

  const t1 = performance.now()
  await insertBody(raw, 'spans', body)
  const rawSeconds = (performance.now() - t1) / 1000

  const storeRate = ROWS / storeSeconds
  const rawRate = ROWS / rawSeconds
  console.log(`insertSpans:         ${storeRate.toFixed(0)} spans/s (${storeSeconds.toFixed(2)} s)`)
  console.log(
    `engine, one buffer:  ${rawRate.toFixed(0)} spans/s (${rawSeconds.toFixed(2)} s, ${(bytes / rawSeconds / 1e6).toFixed(1)} MB/s)`,
  )
  console.log(`ratio insertSpans / engine: ${(storeRate / rawRate).toFixed(2)}`)
} finally {
  await store.close()
  await raw.close()
  rmSync(dir, { recursive: true, force: true })
}
