/**
 * Insert throughput of the span write path, measured against the engine's
 * own limit in the same run: `insertSpans` (serialization included) versus
 * the same rows pre-serialized as JSONEachRow and sent with `insertBody`,
 * into the same table shape (including the trace_index materialized view),
 * in batches of the same size — like with like: one big buffer would be a
 * different (slower) workload, not a baseline.
 *
 * The two paths alternate batch by batch, so both see the same table sizes
 * and the same background merges, and load from other processes on the
 * machine falls on both alike. Run with `npm run bench` (args: rows, batch).
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
process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
const store = createClickHouse({ dataDir: dir, database: 'bench_store' })
const raw = createClickHouse({ dataDir: dir, database: 'bench_raw' })

async function countRows(database: string): Promise<number> {
  const rs = await store.client.query({
    query: `SELECT count() AS n FROM ${database}.spans`,
    format: 'JSONEachRow',
  })
  const [row] = (await rs.json()) as { n: string | number }[]
  return Number(row?.n)
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1e6
}

try {
  await migrateClickHouse(store)
  await migrateClickHouse(raw)
  const rows = generateSpans(ROWS)
  const batches = []
  for (let i = 0; i < rows.length; i += BATCH) batches.push(rows.slice(i, i + BATCH))
  // The baseline's bodies are serialized before timing: it measures the engine alone.
  const bodies = batches.map((batch) => batch.map(spanLine).join('\n'))
  const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0)
  console.log(
    `${ROWS} spans, ${(bytes / ROWS).toFixed(0)} bytes/row as JSONEachRow, ${batches.length} batches of ${BATCH}`,
  )

  // Warm up both paths so neither pays first-query costs in the measurement.
  const warmup = generateSpans(100, 'warmup')
  await insertSpans(store, warmup)
  await insertBody(raw, 'spans', warmup.map(spanLine).join('\n'))

  let storeSeconds = 0
  let rawSeconds = 0
  let storeCpu = 0
  let rawCpu = 0
  for (let i = 0; i < batches.length; i++) {
    // Alternate which path goes first, so neither always follows the other's merges.
    const order = i % 2 === 0 ? (['store', 'raw'] as const) : (['raw', 'store'] as const)
    for (const path of order) {
      const t0 = performance.now()
      const c0 = process.cpuUsage()
      if (path === 'store') await insertSpans(store, batches[i]!)
      else await insertBody(raw, 'spans', bodies[i]!)
      const seconds = (performance.now() - t0) / 1000
      if (path === 'store') {
        storeSeconds += seconds
        storeCpu += cpuSeconds(c0)
      } else {
        rawSeconds += seconds
        rawCpu += cpuSeconds(c0)
      }
    }
  }

  const [storeCount, rawCount] = [await countRows('bench_store'), await countRows('bench_raw')]
  if (storeCount !== rawCount || storeCount !== ROWS + warmup.length) {
    throw new Error(
      `row counts differ: insertSpans stored ${storeCount}, engine ${rawCount}, expected ${ROWS + warmup.length}`,
    )
  }

  const storeRate = ROWS / storeSeconds
  const rawRate = ROWS / rawSeconds
  const perK = (cpu: number) => `${((cpu * 1e6) / ROWS).toFixed(0)} ms CPU per 1k rows`
  console.log(
    `insertSpans:            ${storeRate.toFixed(0)} spans/s (${storeSeconds.toFixed(2)} s, ${perK(storeCpu)})`,
  )
  console.log(
    `engine, same batches:   ${rawRate.toFixed(0)} spans/s (${rawSeconds.toFixed(2)} s, ${(bytes / rawSeconds / 1e6).toFixed(1)} MB/s, ${perK(rawCpu)})`,
  )
  console.log(
    `ratio insertSpans / engine: ${(storeRate / rawRate).toFixed(2)} (CPU: ${(rawCpu / storeCpu).toFixed(2)})`,
  )
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await store.close()
  await raw.close()
  rmSync(dir, { recursive: true, force: true })
}
