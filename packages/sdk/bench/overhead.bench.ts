/**
 * SDK overhead: 10,000 chat completions through the real `openai` client
 * against the local test server, once plain and once with
 * `--import @assay/sdk/register` (spans and message log records exported to
 * a local OTLP sink), each in its own process. Prints wall time and the
 * client process's CPU, and instrumented / plain as a ratio (target < 1.10).
 * Needs `npm run build` first (it loads dist/ as an app would).
 */
import { execFile } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { startLlmTestServer } from '@assay/llm-test-server'

const run = promisify(execFile)
const client = path.join(import.meta.dirname, 'client.mjs')
const calls = process.env.BENCH_CALLS ?? '10000'

interface Sample {
  wallMs: number
  cpuMs: number
}

/** Accepts OTLP exports (and API calls) and discards them, counting bytes. */
async function startSink() {
  let bytes = 0
  const server = http.createServer((req, res) => {
    req.on('data', (d: Buffer) => (bytes += d.length))
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bytes: () => bytes,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

async function sample(instrumented: boolean, env: Record<string, string>): Promise<Sample> {
  const args = instrumented ? ['--import', '@assay/sdk/register', client] : [client]
  const { stdout } = await run(process.execPath, args, {
    env: { ...env, BENCH_INSTRUMENTED: instrumented ? '1' : '0', BENCH_CALLS: calls },
    maxBuffer: 1 << 20,
  })
  return JSON.parse(stdout.trim().split('\n').pop()!) as Sample
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const llm = await startLlmTestServer()
const sink = await startSink()
const env = {
  PATH: process.env.PATH ?? '',
  OPENAI_BASE_URL: llm.url,
  OPENAI_API_KEY: 'bench',
  ASSAY_URL: sink.url,
}
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const plain: Sample[] = []
const traced: Sample[] = []
for (let i = 0; i < rounds; i++) {
  // Alternate, so drift on a shared machine hits both sides alike.
  plain.push(await sample(false, env))
  traced.push(await sample(true, env))
}
const row = (name: string, s: Sample[]) =>
  `${name.padEnd(14)} wall ${median(s.map((x) => x.wallMs))
    .toFixed(0)
    .padStart(7)} ms   cpu ${median(s.map((x) => x.cpuMs))
    .toFixed(0)
    .padStart(7)} ms`
console.log(`${calls} chat completions, median of ${rounds} rounds`)
console.log(row('uninstrumented', plain))
console.log(row('instrumented', traced))
const ratio = (k: keyof Sample) => median(traced.map((x) => x[k])) / median(plain.map((x) => x[k]))
console.log(
  `ratio          wall ${ratio('wallMs').toFixed(3)}   cpu ${ratio('cpuMs').toFixed(3)}   (target < 1.10)`,
)
console.log(`exported       ${(sink.bytes() / 1e6).toFixed(1)} MB to the OTLP sink`)
await sink.close()
await llm.close()
