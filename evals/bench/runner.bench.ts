/**
 * Runner benchmark (not a timed test): 1,000 items × 3 judges at
 * concurrency 16 against the LLM test server answering after a fixed
 * 50 ms, run in a child process. Prints the run's wall time against the
 * ideal (items × judges × latency / concurrency: every slot always busy),
 * the ratio (target < 1.2), the peak judge calls in flight, and the
 * runner's own CPU per judged item (this process: runner, judges' prompt
 * rendering and the openai client; not the server's).
 *
 *   npm run bench -w @assay/evals
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { judges } from '../src/judges/index.js'
import { runEvaluation } from '../src/runner/index.js'

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000)
const CONCURRENCY = 16
const LATENCY_MS = 50

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const script = path.join(import.meta.dirname, 'llm-server.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(LATENCY_MS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const line = out.split('\n')[0]
      if (out.includes('\n') && line) resolve(line.trim())
    })
    child.once('exit', (code) => reject(new Error(`llm test server exited with ${code}`)))
  })
  return { url, child }
}

const { url, child } = await startServer()
try {
  const options = { baseURL: url, apiKey: 'bench', model: 'judge', cacheDir: null, maxAttempts: 1 }
  const scorers = [judges.correctness(options), judges.relevance(options), judges.safety(options)]
  const rows = Array.from({ length: ITEMS }, (_, i) => ({
    inputs: { question: `What is ${i} + ${i}?` },
    expectations: { expected_response: String(2 * i) },
  }))
  // Warm-up: connections, JIT, the judges' first prompt rendering.
  await runEvaluation({
    dataset: rows.slice(0, 32),
    task: (inputs) => inputs,
    scorers,
    concurrency: CONCURRENCY,
  })

  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const result = await runEvaluation({
    dataset: rows,
    task: (inputs) => `The answer to ${JSON.stringify(inputs)}`,
    scorers,
    concurrency: CONCURRENCY,
  })
  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  const judged = ITEMS * scorers.length
  const idealMs = (judged * LATENCY_MS) / CONCURRENCY
  const errors = Object.values(result.summary.scorers).reduce((n, s) => n + s.errorCount, 0)
  const cpuPerItemMs = (cpu.user + cpu.system) / 1000 / judged
  console.log(
    `runner: ${ITEMS} items x ${scorers.length} judges, concurrency ${CONCURRENCY}, judge latency ${LATENCY_MS} ms`,
  )
  console.log(`  wall time          ${wallMs.toFixed(0)} ms`)
  console.log(`  ideal              ${idealMs.toFixed(0)} ms  (items x judges x latency / concurrency)`)
  console.log(`  ratio              ${(wallMs / idealMs).toFixed(3)}  (target < 1.2)`)
  console.log(`  judge calls        ${result.summary.judge.calls} (${errors} errors)`)
  console.log(
    `  runner CPU         ${cpuPerItemMs.toFixed(3)} ms per judged item (user+system, this process)`,
  )
  if (errors > 0) process.exitCode = 1
} finally {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}
