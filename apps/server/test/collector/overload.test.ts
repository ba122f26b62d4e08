/**
 * Overload with a 1 MiB write buffer: a bounded flood of concurrent large
 * exports over loopback gets 429s with Retry-After, the server's memory
 * stays bounded (sampled from /proc/<pid>/status), clients that retry after
 * the delay are all acknowledged, and every acknowledged span is stored once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getTrace, listAllTraces } from './helpers/api.js'
import { type Delivery, deliver, pool } from './helpers/deliver.js'
import { postTraces } from './helpers/http.js'
import { type BuiltTrace, buildTrace } from './helpers/otlp.js'
import { mib, readMemory, sampleMemory } from './helpers/rss.js'
import { START_TIMEOUT_MS, startTestServer, type TestServer } from './helpers/server.js'

/** 480 exports of ~1 MB (the whole write buffer each): ~480 MB offered, far more than may be buffered. */
const EXPORTS = 480
const SPANS = 10
const PAD_BYTES = 100_000
const CLIENTS = 48
/**
 * Growth of the server's RSS over its idle level allowed during the flood. The
 * idle level is ~1.1 GB here (PGlite alone is ~800 MB, chDB ~250 MB); with the
 * 1 MiB buffer the flood adds ~100-450 MB (V8 collects lazily), while a server
 * that buffered what it was offered grows by more than the offered bytes.
 */
const RSS_GROWTH_BOUND = 768 * 1024 ** 2

let server: TestServer
beforeAll(async () => {
  server = await startTestServer('overload', { ASSAY_WRITE_BUFFER_BYTES: '1048576' })
}, START_TIMEOUT_MS)
afterAll(() => server?.dispose(), 120_000)

describe('overload', () => {
  const traces: BuiltTrace[] = Array.from({ length: EXPORTS }, () => buildTrace(SPANS, PAD_BYTES))
  let deliveries: Delivery[] = []

  it('answers 429 with Retry-After under a flood, with bounded memory; retrying clients all get through', async () => {
    const idle = readMemory(server.assay.pid)!
    const memory = sampleMemory(server.assay.pid, 50)
    deliveries = (await pool(traces, CLIENTS, (t, i) =>
      deliver(() => postTraces(server.url, t.request, i % 2 ? 'json' : 'protobuf'), {
        maxAttempts: 50,
        retry: true,
      }),
    )) as Delivery[]
    const peak = memory.stop()

    const refused = deliveries.flatMap((d) => d.retryAfter)
    console.info(
      `overload: ${EXPORTS} exports of ~${mib(SPANS * PAD_BYTES)} from ${CLIENTS} clients; ` +
        `${refused.length} answers were 429/503, ${deliveries.reduce((n, d) => n + d.attempts, 0)} attempts; ` +
        `server RSS idle ${mib(idle.rss)}, peak ${mib(peak.rss)} (+${mib(peak.rss - idle.rss)}), ` +
        `VmHWM ${mib(peak.hwm)} (${peak.samples} samples)`,
    )
    expect(refused.length).toBeGreaterThan(0)
    for (const after of refused) expect(after).toMatch(/^\d+$/)
    expect(peak.samples).toBeGreaterThan(1)
    expect(peak.rss - idle.rss).toBeLessThan(RSS_GROWTH_BOUND)
    expect(peak.hwm - idle.rss).toBeLessThan(RSS_GROWTH_BOUND)
    expect(deliveries.filter((d) => !d.acked).map((d) => d.status)).toEqual([])
  }, 600_000)

  it('stores every acknowledged span exactly once', async () => {
    const acked = traces.filter((_, i) => deliveries[i]?.acked)
    expect(acked.length).toBe(EXPORTS)
    await pool(acked, 8, async ({ traceId, spanIds }) => {
      const detail = await getTrace(server.url, traceId)
      expect(detail, traceId).not.toBeNull()
      const ids = detail!.spans.map((s) => s.span_id)
      expect(ids).toHaveLength(SPANS)
      expect(new Set(ids)).toEqual(new Set(spanIds))
    })
    const summaries = await listAllTraces(server.url)
    const byId = new Map(summaries.map((s) => [s.trace_id, s]))
    expect(byId.size).toBe(summaries.length)
    for (const { traceId } of acked) expect(byId.get(traceId)?.span_count).toBe(SPANS)
  }, 600_000)
})
