/**
 * SDK overhead: 10,000 chat completions through the real `openai` client
 * against the local LLM test server, plain and with
 * `--import @assay/sdk/register` (spans exported to a local OTLP sink).
 * Every party is a process of its own: the client (the only one measured),
 * the LLM test server and the sink, so neither server's CPU lands on either
 * side. Each client run warms up first (1,000 calls, not measured). Rounds
 * alternate plain and instrumented so drift on a shared machine hits both;
 * prints each round, the medians, and instrumented / plain as a ratio of
 * wall time and of the client's CPU (target < 1.10). A third side,
 * "context only", runs the plain client with one AsyncLocalStorage in use
 * (context-only.mjs): what any OpenTelemetry context manager costs on
 * Node 20, the floor under the instrumented ratio.
 *
 * Needs `npm run build` first (it loads dist/ as an app would).
 * `BENCH_BASELINE=<dir>`: also measure another build of this package (a
 * directory holding its `dist/`), e.g. the last commit's, in the same rounds.
 * `BENCH_CALLS`, `BENCH_WARMUP`, `BENCH_ROUNDS` (default 5) change the sizes.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'

const run = promisify(execFile)
const here = import.meta.dirname
const calls = process.env.BENCH_CALLS ?? '10000'
const rounds = Number(process.env.BENCH_ROUNDS ?? 5)

interface Sample {
  wallMs: number
  cpuMs: number
}

interface Variant {
  name: string
  /** Node arguments before the client script; the module the client flushes through. */
  args: string[]
  sdk?: string
}

/** Starts a helper process and resolves with it and the first line it prints. */
function startHelper(
  args: string[],
): Promise<{ child: ChildProcess; firstLine: string; lines: AsyncIterator<string> }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]()
  return lines.next().then(({ value }) => ({ child, firstLine: String(value), lines }))
}

const llm = await startHelper(['--import', 'tsx', path.join(here, 'llm-server.ts')])
const sink = await startHelper([path.join(here, 'otlp-sink.mjs')])

async function sinkTotals(): Promise<{ bytes: number; requests: number }> {
  sink.child.kill('SIGUSR2')
  return JSON.parse(String((await sink.lines.next()).value))
}

const env = {
  PATH: process.env.PATH ?? '',
  OPENAI_BASE_URL: llm.firstLine,
  OPENAI_API_KEY: 'bench',
  ASSAY_URL: sink.firstLine,
  BENCH_CALLS: calls,
  ...(process.env.BENCH_WARMUP ? { BENCH_WARMUP: process.env.BENCH_WARMUP } : {}),
}

const variants: Variant[] = [
  { name: 'uninstrumented', args: [] },
  { name: 'context only', args: ['--import', path.join(here, 'context-only.mjs')] },
  { name: 'instrumented', args: ['--import', '@assay/sdk/register'], sdk: '@assay/sdk' },
]
if (process.env.BENCH_BASELINE) {
  const dist = path.resolve(process.env.BENCH_BASELINE, 'dist')
  variants.push({
    name: 'baseline',
    args: ['--import', path.join(dist, 'register.js')],
    sdk: path.join(dist, 'index.js'),
  })
}

async function sample(v: Variant): Promise<Sample & { exportedBytes: number }> {
  const before = await sinkTotals()
  const { stdout } = await run(process.execPath, [...v.args, path.join(here, 'client.mjs')], {
    cwd: path.join(here, '..'),
    env: { ...env, ...(v.sdk ? { BENCH_SDK: v.sdk } : {}) },
    maxBuffer: 1 << 20,
  })
  const after = await sinkTotals()
  const s = JSON.parse(stdout.trim().split('\n').pop()!) as Sample
  return { ...s, exportedBytes: after.bytes - before.bytes }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const samples = new Map<string, (Sample & { exportedBytes: number })[]>(variants.map((v) => [v.name, []]))
console.log(`${calls} chat completions per run, ${rounds} rounds`)
for (let i = 0; i < rounds; i++) {
  const line: string[] = []
  for (const v of variants) {
    const s = await sample(v)
    samples.get(v.name)!.push(s)
    line.push(`${v.name} ${s.wallMs.toFixed(0)}/${s.cpuMs.toFixed(0)}`)
  }
  const [plain, ...rest] = line
  const p = samples.get('uninstrumented')![i]!
  const ratios = variants
    .slice(1)
    .map((v) => {
      const s = samples.get(v.name)![i]!
      return `${(s.wallMs / p.wallMs).toFixed(2)}/${(s.cpuMs / p.cpuMs).toFixed(2)}`
    })
    .join(' ')
  console.log(`round ${i + 1}: ${plain}  ${rest.join('  ')}  (wall/cpu ms; ratio ${ratios})`)
}

const med = (name: string, k: keyof Sample) => median(samples.get(name)!.map((s) => s[k]))
console.log('')
for (const v of variants) {
  const wall = med(v.name, 'wallMs')
  const cpu = med(v.name, 'cpuMs')
  let line = `${v.name.padEnd(15)} wall ${wall.toFixed(0).padStart(6)} ms  cpu ${cpu.toFixed(0).padStart(6)} ms`
  if (v.name !== 'uninstrumented') {
    line += `   ratio wall ${(wall / med('uninstrumented', 'wallMs')).toFixed(3)}`
    line += `  cpu ${(cpu / med('uninstrumented', 'cpuMs')).toFixed(3)}`
  }
  if (v.sdk)
    line += `   exported ${(median(samples.get(v.name)!.map((s) => s.exportedBytes)) / 1e6).toFixed(1)} MB`
  console.log(line)
}
console.log('(medians; target ratio < 1.10)')
llm.child.kill('SIGTERM')
sink.child.kill('SIGTERM')
