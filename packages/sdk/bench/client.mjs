// One side of the overhead benchmark: N chat completions against the test
// server, then a flush when instrumented (the export is part of the cost).
// Prints {"wallMs","cpuMs"} for the whole loop.
import OpenAI from 'openai'

const calls = Number(process.env.BENCH_CALLS ?? 10_000)
const concurrency = 8
const sdk = process.env.BENCH_INSTRUMENTED === '1' ? await import('@assay/sdk') : undefined
const client = new OpenAI({ maxRetries: 0 })
const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ping' }] }

const cpu0 = process.cpuUsage()
const t0 = performance.now()
let next = 0
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next++ < calls) await client.chat.completions.create(body)
  }),
)
await sdk?.flush()
const cpu = process.cpuUsage(cpu0)
console.log(JSON.stringify({ wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }))
