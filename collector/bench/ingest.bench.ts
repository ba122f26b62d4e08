/**
 * End-to-end OTLP/HTTP ingestion benchmark — not a test, it prints figures.
 *
 * 1. Generates realistic LLM traces (chain root, retriever, LLM call with
 *    chat messages; ~2 KB per span on the wire) and pre-encodes them as
 *    OTLP protobuf export bodies of `3 × traces-per-export` spans, like a
 *    BatchSpanProcessor.
 * 2. Decodes and normalizes the same bodies in this process with the
 *    collector's own code, giving the exact rows the server will write, and
 *    serializes them once as JSONEachRow.
 * 3. Starts a real `assay serve` child on a fresh data directory. A
 *    preloaded probe (chdb-insert-probe.cjs) records every insert it makes.
 * 4. Rounds: each sends its share of the bodies with bounded concurrency
 *    (spans/s, export latency, server CPU), then — once both processes are
 *    quiet again — inserts the same rows into a chDB `spans` table in this
 *    process with `insertBody`, in batches of exactly the sizes the
 *    server's writer formed in that round: the engine's raw rate for the
 *    same work. Each round's ratio compares two measurements taken
 *    seconds apart, so a slow patch of this shared machine skews both
 *    sides of it; the median over the rounds is the figure.
 * 5. Checks through the API that the server stored every span, and that
 *    sampled traces are identical to the normalized rows.
 *
 * Defaults: exports of 510 spans (the OpenTelemetry BatchSpanProcessor sends
 * up to 512 per export), 16 in flight (several instrumented services),
 * 5 rounds of 60,000 spans.
 *
 * Usage: npm run bench -w @assay/collector [-- --spans 300000 --rounds 5 --traces-per-export 170 --concurrency 16]
 *        --server-node-args="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server,
 *        --server-stdout=/tmp/server.log to keep its stdout (e.g. with --trace-gc).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { SpanRow } from '@assay/core'
import { createClickHouse, insertBody, migrateClickHouse } from '@assay/store'
import { decodeTracesProtobuf } from '../src/decode/index.js'
import { normalizeTraces } from '../src/normalize/index.js'
import { protoTypes } from '../src/otlp/proto/root.js'
import { SPAN_WRITER_DEFAULTS } from '../src/write/span-writer.js'
import { type EncodedExport, generateExports } from './otlp-generator.js'

const { values: opts } = parseArgs({
  options: {
    spans: { type: 'string', default: '300000' },
    rounds: { type: 'string', default: '5' },
    'traces-per-export': { type: 'string', default: '170' },
    concurrency: { type: 'string', default: '16' },
    'server-node-args': { type: 'string', default: '' },
    'server-stdout': { type: 'string', default: '' },
  },
})
const TARGET_SPANS = Number(opts.spans)
const TRACES_PER_EXPORT = Number(opts['traces-per-export'])
const CONCURRENCY = Number(opts.concurrency)
const ROUNDS = Math.max(1, Number(opts.rounds))
const SPANS_PER_EXPORT = TRACES_PER_EXPORT * 3
const EXPORTS = Math.ceil(TARGET_SPANS / SPANS_PER_EXPORT / ROUNDS) * ROUNDS
const WARMUP_EXPORTS = Math.max(CONCURRENCY * 2, 10)
const PROJECT = 'default'
const TARGET_RATE = 15_000
const TARGET_RATIO = 0.7

const repoRoot = resolve(import.meta.dirname, '../..')
const assayBin = join(repoRoot, 'apps/server/bin/assay.js')
const probe = join(import.meta.dirname, 'chdb-insert-probe.cjs')

// ---------------------------------------------------------------------------
// Cleanup: temp dirs and the server child go away even when the bench fails.

const tempDirs: string[] = []
let server: ChildProcess | undefined

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

function cleanupSync(): void {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL')
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}
process.once('exit', cleanupSync)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanupSync()
    process.exit(130)
  })
}

// ---------------------------------------------------------------------------
// Small helpers.

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!
}

/** Same wire format as `@assay/store`'s spanLine: nanosecond times as bare JSON integers. */
function spanLine(row: SpanRow): string {
  const { start_time, end_time, ...rest } = row
  return `{"start_time":${start_time},"end_time":${end_time},${JSON.stringify(rest).slice(1)}`
}

interface HttpResult {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY + 2 })

function http(url: string, method: string, body?: Uint8Array, contentType?: string): Promise<HttpResult> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: body
          ? { 'content-type': contentType ?? 'application/octet-stream', 'content-length': body.length }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// ---------------------------------------------------------------------------
// The server child.

interface ProbedInsert {
  table: string
  rows: number
  bytes: number
  ms: number
}

interface RunningServer {
  child: ChildProcess
  url: string
  inserts: ProbedInsert[]
  output(): string
}

/** The Node flags `assay` runs with (its shebang; `npm start` and the Dockerfile pass the same). */
function serverNodeFlags(): string[] {
  const shebang = readFileSync(assayBin, 'utf8').split('\n')[0]!
  return /^#!\/usr\/bin\/env -S node (.*)$/.exec(shebang)?.[1]?.split(' ').filter(Boolean) ?? []
}

function startServer(dataDir: string): Promise<RunningServer> {
  const nodeArgs = [...serverNodeFlags(), ...opts['server-node-args'].split(/\s+/).filter(Boolean)]
  const child = spawn(process.execPath, [...nodeArgs, '--require', probe, assayBin, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      ASSAY_GRPC_PORT: 'off',
      ASSAY_DATA_DIR: dataDir,
      ASSAY_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server = child
  const inserts: ProbedInsert[] = []
  let stdout = ''
  let stderr = ''
  let stderrTail = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail += chunk
    const lines = stderrTail.split('\n')
    stderrTail = lines.pop()!
    for (const line of lines) {
      if (line.startsWith('[insert-probe] ')) inserts.push(JSON.parse(line.slice(15)) as ProbedInsert)
      else if (stderr.length < 20_000) stderr += `${line}\n`
    }
  })
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`assay serve was not ready in 120 s\n${stdout}\n${stderr}`)),
      120_000,
    )
    let ready = false
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      if (!ready)
        reject(new Error(`assay serve exited (${code ?? signal}) before it was ready\n${stdout}\n${stderr}`))
    })
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (opts['server-stdout']) appendFileSync(opts['server-stdout'], chunk)
      if (stdout.length < 100_000) stdout += chunk
      const match = ready ? null : /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"assay is ready"/.exec(stdout)
      if (!match) return
      ready = true
      clearTimeout(timer)
      resolvePromise({ child, url: match[1]!, inserts, output: () => `${stdout}\n${stderr}` })
    })
  })
}

async function stopServer(s: RunningServer): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return
  const exited = new Promise<void>((r) => s.child.once('exit', () => r()))
  s.child.kill('SIGTERM')
  const timeout = sleep(30_000).then(() => 'timeout' as const)
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    s.child.kill('SIGKILL')
    await exited
  }
}

/**
 * CPU seconds (user + system) a process has used so far: all threads, chDB's
 * included, or with `tid` only that thread (the pid itself is the JS main thread).
 */
function cpuSecondsOf(pid: number, tid?: number): number {
  const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in USER_HZ (100) ticks.
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** CPU seconds per thread name (comm), summed over the process's live threads. */
function cpuByThreadName(pid: number): Map<string, number> {
  const out = new Map<string, number>()
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const key = tid === String(pid) ? 'JS main thread' : name.replace(/[0-9]+$/, '')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(key, (out.get(key) ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100)
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out
}

function memoryOf(pid: number): { hwm: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN)
  return { hwm: kb('VmHWM') * 1024, rss: kb('VmRSS') * 1024 }
}

// ---------------------------------------------------------------------------
// Sending exports.

interface SendStats {
  latenciesMs: number[]
  retries: number
  seconds: number
}

async function sendAll(url: string, exports: EncodedExport[], concurrency: number): Promise<SendStats> {
  const latenciesMs: number[] = []
  let retries = 0
  let next = 0
  const worker = async () => {
    while (next < exports.length) {
      const ex = exports[next++]!
      const t0 = performance.now()
      for (;;) {
        const res = await http(`${url}/v1/traces`, 'POST', ex.body, 'application/x-protobuf')
        if (res.status === 200) {
          const decoded = protoTypes.traceResponse.decode(res.body) as {
            partialSuccess?: { rejectedSpans?: unknown }
          }
          const rejected = Number(decoded.partialSuccess?.rejectedSpans ?? 0)
          if (rejected > 0) throw new Error(`server rejected ${rejected} spans of an export`)
          break
        }
        if (res.status === 429 || res.status === 503) {
          retries++
          await sleep(Number(res.headers['retry-after'] ?? 1) * 1000)
          continue
        }
        throw new Error(`export answered ${res.status}: ${res.body.toString('utf8').slice(0, 500)}`)
      }
      latenciesMs.push(performance.now() - t0)
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { latenciesMs, retries, seconds: (performance.now() - t0) / 1000 }
}

// ---------------------------------------------------------------------------
// Checking what the server stored.

interface TraceSummaryLite {
  trace_id: string
  span_count: number
}

async function storedCounts(
  url: string,
  from: bigint,
  to: bigint,
): Promise<{ traces: number; spans: number }> {
  let traces = 0
  let spans = 0
  let cursor: string | undefined
  do {
    const q = new URLSearchParams({ from: from.toString(), to: to.toString(), limit: '1000' })
    if (cursor) q.set('cursor', cursor)
    const res = await http(`${url}/api/traces?${q}`, 'GET')
    if (res.status !== 200)
      throw new Error(`GET /api/traces answered ${res.status}: ${res.body.toString('utf8').slice(0, 500)}`)
    const page = JSON.parse(res.body.toString('utf8')) as { items: TraceSummaryLite[]; nextCursor?: string }
    traces += page.items.length
    for (const t of page.items) spans += t.span_count
    cursor = page.nextCursor
  } while (cursor)
  return { traces, spans }
}

const COMPARED: (keyof SpanRow)[] = [
  'span_id',
  'parent_span_id',
  'name',
  'kind',
  'start_time',
  'end_time',
  'model_request',
  'input_tokens',
  'output_tokens',
  'cost_usd',
  'input',
  'output',
  'session_id',
]

async function checkSample(url: string, expected: Map<string, SpanRow[]>): Promise<void> {
  for (const [traceId, rows] of expected) {
    const res = await http(`${url}/api/traces/${traceId}`, 'GET')
    if (res.status !== 200) throw new Error(`GET /api/traces/${traceId} answered ${res.status}`)
    const got = (JSON.parse(res.body.toString('utf8')) as { spans: SpanRow[] }).spans
    if (got.length !== rows.length)
      throw new Error(`trace ${traceId}: ${got.length} spans stored, ${rows.length} sent`)
    for (const want of rows) {
      const have = got.find((s) => s.span_id === want.span_id)
      for (const key of COMPARED) {
        if (JSON.stringify(have?.[key]) !== JSON.stringify(want[key])) {
          throw new Error(
            `trace ${traceId} span ${want.span_id}: ${key} stored differs from the normalized row`,
          )
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// The run.

/** CPU seconds this process has used (all its threads, chDB's included). */
function ownCpuSeconds(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/**
 * Waits until the server and this process have both used less than a
 * fifth of a core over a quarter second (background merges finished), or
 * 20 s have passed: each measurement starts on an otherwise idle machine.
 */
async function waitQuiet(serverPid: number): Promise<void> {
  const deadline = performance.now() + 20_000
  while (performance.now() < deadline) {
    const s0 = cpuSecondsOf(serverPid)
    const o0 = ownCpuSeconds()
    await sleep(250)
    if (cpuSecondsOf(serverPid) - s0 + (ownCpuSeconds() - o0) < 0.05) return
  }
}

interface Round {
  spans: number
  e2eSeconds: number
  rawSeconds: number
  rawCpu: number
  latenciesMs: number[]
  retries: number
  batchSizes: number[]
  insertMs: number
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!.toFixed(1)
  const exportsPerRound = EXPORTS / ROUNDS
  console.log(
    `ingest bench: ${fmt(EXPORTS * SPANS_PER_EXPORT)} spans in ${fmt(EXPORTS)} OTLP/HTTP protobuf exports of ${SPANS_PER_EXPORT} spans, ` +
      `${CONCURRENCY} in flight, ${ROUNDS} rounds of ${fmt(exportsPerRound)} exports (+${WARMUP_EXPORTS} warm-up exports)`,
  )

  // 1. Generate and pre-encode.
  let t = performance.now()
  const startNanos = (BigInt(Date.now()) - 30n * 60_000n) * 1_000_000n
  const warmup = generateExports(WARMUP_EXPORTS, { tracesPerExport: TRACES_PER_EXPORT, startNanos })
  const measured = generateExports(EXPORTS, {
    tracesPerExport: TRACES_PER_EXPORT,
    startNanos: startNanos + 10n ** 12n,
  })
  const wireBytes = measured.reduce((n, e) => n + e.body.length, 0)
  const totalSpans = measured.reduce((n, e) => n + e.spans, 0)
  const warmupSpans = warmup.reduce((n, e) => n + e.spans, 0)
  console.log(
    `generated in ${((performance.now() - t) / 1000).toFixed(1)} s: ${fmt(wireBytes / totalSpans)} bytes/span on the wire, ` +
      `${fmt(wireBytes / 1e6, 1)} MB`,
  )

  // 2. The rows the server will produce, from the same bodies, with the collector's own decode and normalize.
  let decodeMs = 0
  let normalizeMs = 0
  let serializeMs = 0
  const sample = new Map<string, SpanRow[]>()
  const sampleIds = new Set([0, Math.floor(EXPORTS / 2), EXPORTS - 1].map((i) => measured[i]!.traceIds[1]!))
  const linesOf = (exports: EncodedExport[], keepSample: boolean): string[] => {
    const lines: string[] = []
    for (const ex of exports) {
      let t0 = performance.now()
      const decoded = decodeTracesProtobuf(ex.body)
      let t1 = performance.now()
      decodeMs += t1 - t0
      const { spans, events, rejected } = normalizeTraces(decoded, { projectId: PROJECT })
      t0 = performance.now()
      normalizeMs += t0 - t1
      if (rejected.count > 0 || spans.length !== ex.spans)
        throw new Error(`normalize rejected spans: ${rejected.reasons}`)
      if (events.length > 0) throw new Error('the generator is not meant to produce span events')
      for (const row of spans) lines.push(spanLine(row))
      t1 = performance.now()
      serializeMs += t1 - t0
      if (keepSample) {
        for (const row of spans)
          if (sampleIds.has(row.trace_id))
            sample.set(row.trace_id, [...(sample.get(row.trace_id) ?? []), row])
      }
    }
    return lines
  }
  const warmupLines = linesOf(warmup, false)
  decodeMs = normalizeMs = serializeMs = 0
  const lines = linesOf(measured, true)
  const rowBytes = lines.reduce((n, l) => n + l.length + 1, 0)
  const us = (ms: number) => ((ms * 1000) / totalSpans).toFixed(1)
  console.log(
    `in-process, one core: decode ${us(decodeMs)} µs/span, normalize ${us(normalizeMs)} µs/span, ` +
      `JSONEachRow ${us(serializeMs)} µs/span (${fmt(rowBytes / totalSpans)} bytes/row)`,
  )

  // 3. The server, and the engine alone in this process (a fresh table, warmed like the server's).
  const serverDir = tempDir('assay-bench-serve-')
  t = performance.now()
  const s = await startServer(serverDir)
  const pid = s.child.pid!
  console.log(
    `assay serve ready in ${((performance.now() - t) / 1000).toFixed(1)} s at ${s.url} (pid ${pid}; node ${[...serverNodeFlags(), opts['server-node-args']].join(' ').trim()})`,
  )
  const rawDir = tempDir('assay-bench-raw-')
  const raw = createClickHouse({ dataDir: rawDir, database: 'bench_raw' })
  const rounds: Round[] = []
  let serverCpu = 0
  let serverMainCpu = 0
  const threadCpu = new Map<string, number>()
  let rssAfterWarmup = 0
  let bigBatchSeconds = 0
  let bigCpu = 0
  try {
    await migrateClickHouse(raw)
    await insertBody(raw, 'spans', warmupLines.join('\n'))
    // Warm this process's engine as the server's is warmed by its warm-up
    // exports and earlier rounds: a cold engine still grows its memory
    // arenas and thread pools during the first inserts, which once made a
    // first round's raw rate half the next ones'. A throwaway table takes
    // one round's rows in export-sized batches.
    const warm = createClickHouse({ dataDir: rawDir, database: 'bench_raw_warm' })
    try {
      await migrateClickHouse(warm)
      const perRound = lines.length / ROUNDS
      for (let i = 0; i < perRound; i += SPANS_PER_EXPORT * 8)
        await insertBody(
          warm,
          'spans',
          lines.slice(i, Math.min(perRound, i + SPANS_PER_EXPORT * 8)).join('\n'),
        )
    } finally {
      await warm.close()
    }
    await sendAll(s.url, warmup, CONCURRENCY)
    rssAfterWarmup = memoryOf(pid).rss

    // 4. Rounds: the server, then the engine alone on the same rows in the same batches.
    let lineOffset = 0
    for (let r = 0; r < ROUNDS; r++) {
      const roundExports = measured.slice(r * exportsPerRound, (r + 1) * exportsPerRound)
      const roundSpans = roundExports.reduce((n, e) => n + e.spans, 0)
      const roundLines = lines.slice(lineOffset, lineOffset + roundSpans)
      lineOffset += roundSpans

      await waitQuiet(pid)
      const insertsBefore = s.inserts.length
      const cpu0 = cpuSecondsOf(pid)
      const main0 = cpuSecondsOf(pid, pid)
      const threads0 = cpuByThreadName(pid)
      const sent = await sendAll(s.url, roundExports, CONCURRENCY)
      const roundServerCpu = cpuSecondsOf(pid) - cpu0
      serverCpu += roundServerCpu
      serverMainCpu += cpuSecondsOf(pid, pid) - main0
      for (const [name, sec] of cpuByThreadName(pid)) {
        threadCpu.set(name, (threadCpu.get(name) ?? 0) + sec - (threads0.get(name) ?? 0))
      }
      const inserts = s.inserts.slice(insertsBefore).filter((i) => i.table === 'spans')
      const probed = inserts.reduce((n, i) => n + i.rows, 0)
      if (inserts.length > 0 && probed !== roundSpans) {
        throw new Error(`round ${r + 1}: the probe saw ${probed} span rows inserted, expected ${roundSpans}`)
      }
      const batchSizes = inserts.length > 0 ? inserts.map((i) => i.rows) : [roundSpans]

      // The bodies are built (and this process's collector has settled) before the clock starts.
      const batches: Buffer[] = []
      let offset = 0
      for (const size of batchSizes) {
        batches.push(Buffer.from(roundLines.slice(offset, offset + size).join('\n')))
        offset += size
      }
      await waitQuiet(pid)
      const rawCpu0 = ownCpuSeconds()
      const rawT0 = performance.now()
      for (const body of batches) await insertBody(raw, 'spans', body)
      const rawSeconds = (performance.now() - rawT0) / 1000
      rounds.push({
        spans: roundSpans,
        e2eSeconds: sent.seconds,
        rawSeconds,
        rawCpu: ownCpuSeconds() - rawCpu0,
        latenciesMs: sent.latenciesMs,
        retries: sent.retries,
        batchSizes,
        insertMs: inserts.reduce((n, i) => n + i.ms, 0),
      })
      const busy = rounds.at(-1)!.insertMs / 1000 / sent.seconds
      console.log(
        `round ${r + 1}: end to end ${fmt(roundSpans / sent.seconds)} spans/s (chDB busy ${fmt(100 * busy)}%), ` +
          `engine raw ${fmt(roundSpans / rawSeconds)} spans/s (${batchSizes.length} inserts), ratio ${(rawSeconds / sent.seconds).toFixed(2)}; ` +
          `CPU per 1k spans: server ${fmt((roundServerCpu * 1e6) / roundSpans)} ms, raw ${fmt((rounds.at(-1)!.rawCpu * 1e6) / roundSpans)} ms`,
      )
    }
    const count = await countRows(raw)
    if (count !== totalSpans + warmupSpans)
      throw new Error(`raw table holds ${count} rows, expected ${totalSpans + warmupSpans}`)

    // For context: the engine with the writer's largest group (maxBatchRows), on a fresh table.
    const big = createClickHouse({ dataDir: rawDir, database: 'bench_raw_big' })
    try {
      await migrateClickHouse(big)
      await insertBody(big, 'spans', warmupLines.join('\n'))
      const max = SPAN_WRITER_DEFAULTS.maxBatchRows
      const bigBatches: string[] = []
      for (let i = 0; i < lines.length; i += max) bigBatches.push(lines.slice(i, i + max).join('\n'))
      await waitQuiet(pid)
      const bigCpu0 = ownCpuSeconds()
      t = performance.now()
      for (const body of bigBatches) await insertBody(big, 'spans', body)
      bigBatchSeconds = (performance.now() - t) / 1000
      bigCpu = ownCpuSeconds() - bigCpu0
    } finally {
      await big.close()
    }
  } finally {
    await raw.close()
  }
  const mem = memoryOf(pid)

  // 5. Did the server store every span?
  const stored = await storedCounts(
    s.url,
    startNanos - 1_000_000_000n,
    BigInt(Date.now() + 3_600_000) * 1_000_000n,
  )
  const expectedSpans = totalSpans + warmupSpans
  const expectedTraces = (EXPORTS + WARMUP_EXPORTS) * TRACES_PER_EXPORT
  if (stored.spans !== expectedSpans || stored.traces !== expectedTraces) {
    throw new Error(
      `server stored ${stored.spans} spans in ${stored.traces} traces, expected ${expectedSpans} in ${expectedTraces}`,
    )
  }
  await checkSample(s.url, sample)
  await stopServer(s)

  const e2eSeconds = rounds.reduce((n, r) => n + r.e2eSeconds, 0)
  const rawSeconds = rounds.reduce((n, r) => n + r.rawSeconds, 0)
  const rawCpu = rounds.reduce((n, r) => n + r.rawCpu, 0)
  const e2eRate = totalSpans / e2eSeconds
  const ratios = rounds.map((r) => r.rawSeconds / r.e2eSeconds).sort((a, b) => a - b)
  const ratio = ratios[Math.floor((ratios.length - 1) / 2)]!
  const lat = rounds.flatMap((r) => r.latenciesMs).sort((a, b) => a - b)
  const sizes = rounds.flatMap((r) => r.batchSizes).sort((a, b) => a - b)
  const insertMs = rounds.reduce((n, r) => n + r.insertMs, 0)

  const perK = (cpuSeconds: number) => `${fmt((cpuSeconds * 1e6) / totalSpans, 0)} ms CPU per 1k spans`
  const mb = (n: number) => `${fmt(n / 2 ** 20)} MiB`
  console.log('')
  console.log(
    `end to end:     ${fmt(e2eRate)} spans/s (${totalSpans} spans in ${e2eSeconds.toFixed(2)} s, ${fmt(wireBytes / e2eSeconds / 1e6, 1)} MB/s on the wire)`,
  )
  console.log(
    `export latency: p50 ${fmt(percentile(lat, 0.5), 1)} ms, p99 ${fmt(percentile(lat, 0.99), 1)} ms, max ${fmt(lat.at(-1)!, 1)} ms; ${rounds.reduce((n, r) => n + r.retries, 0)} retries (429/503)`,
  )
  console.log(
    `server memory:  peak RSS (VmHWM) ${mb(mem.hwm)}; RSS ${mb(rssAfterWarmup)} after warm-up, ${mb(mem.rss)} at the end`,
  )
  console.log(
    `server inserts: ${sizes.length} into spans, rows per insert median ${fmt(percentile(sizes, 0.5))} ` +
      `(min ${fmt(sizes[0] ?? 0)}, max ${fmt(sizes.at(-1) ?? 0)}); chDB busy ${(insertMs / 1000).toFixed(2)} s ` +
      `of ${e2eSeconds.toFixed(2)} s (${fmt((100 * insertMs) / 1000 / e2eSeconds)}%)`,
  )
  console.log(
    `stored:         ${fmt(stored.spans)} spans in ${fmt(stored.traces)} traces (all sent, incl. warm-up); sampled traces identical to the normalized rows`,
  )
  console.log(
    `engine, raw:    ${fmt(totalSpans / rawSeconds)} spans/s (same ${fmt(totalSpans)} rows, same ${sizes.length} batch sizes, JSONEachRow via insertBody, ${rawSeconds.toFixed(2)} s)`,
  )
  console.log(
    `engine, raw @ ${fmt(SPAN_WRITER_DEFAULTS.maxBatchRows)}-row batches: ${fmt(totalSpans / bigBatchSeconds)} spans/s, ${perK(bigCpu)} (for context: the engine's cost per row falls with batch size)`,
  )
  console.log(
    `CPU (user+sys, all threads): server ${serverCpu.toFixed(1)} s (${perK(serverCpu)}; JS main thread ${perK(serverMainCpu)}), ` +
      `raw insert ${rawCpu.toFixed(1)} s (${perK(rawCpu)}); raw / server CPU ${(rawCpu / serverCpu).toFixed(2)} ` +
      '(less sensitive to other load on the machine than the wall-clock ratio)',
  )
  const byThread = [...threadCpu]
    .filter(([, seconds]) => seconds >= 0.05 * serverCpu)
    .sort((a, b) => b[1] - a[1])
  console.log(
    `server CPU by thread (>= 5%, threads alive at the end of a round): ${byThread.map(([name, sec]) => `${name} ${fmt((sec * 1e6) / totalSpans)}`).join(', ')} ms per 1k spans`,
  )
  console.log(
    `ratio end to end / raw: ${ratio.toFixed(2)}, median of ${ROUNDS} rounds (${ratios.map((x) => x.toFixed(2)).join(', ')}); ` +
      `${(rawSeconds / e2eSeconds).toFixed(2)} over all rounds' time (target >= ${TARGET_RATIO}, on the median: ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'})`,
  )
  console.log(`>= ${fmt(TARGET_RATE)} spans/s end to end: ${e2eRate >= TARGET_RATE ? 'yes' : 'NO'}`)
  console.log(
    `machine load average ${loadAtStart} at start, ${loadavg()[0]!.toFixed(1)} at the end (${cpus().length} cores; other load skews wall-clock figures)`,
  )
}

async function countRows(ch: ReturnType<typeof createClickHouse>): Promise<number> {
  const rs = await ch.client.query({
    query: `SELECT count() AS n FROM ${ch.database}.spans`,
    format: 'JSONEachRow',
  })
  const [row] = (await rs.json()) as { n: string | number }[]
  return Number(row?.n)
}

try {
  await main()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  agent.destroy()
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGKILL')
  }
  cleanupSync()
}
