// One side of the overhead benchmark, in a process of its own: a warm-up,
// then N chat completions with 8 in flight and, when instrumented, a flush
// (the export is part of the cost). The plain and the instrumented side run
// this same file with the same client settings. Prints {"wallMs","cpuMs"}
// for the measured part; CPU is this process's (all its threads).
import OpenAI from 'openai'

const calls = Number(process.env.BENCH_CALLS ?? 10_000)
const warmup = Number(process.env.BENCH_WARMUP ?? 1_000)
const concurrency = 8
const sdk = process.env.BENCH_SDK ? await import(process.env.BENCH_SDK) : undefined
const client = new OpenAI({ maxRetries: 0 })
const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ping' }] }

async function run(n) {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < n) await client.chat.completions.create(body)
    }),
  )
  await sdk?.flush()
}

await run(warmup)
const cpu0 = process.cpuUsage()
const t0 = performance.now()
await run(calls)
const cpu = process.cpuUsage(cpu0)
console.log(JSON.stringify({ wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }))
