/**
 * Waits until an item's trace can be read back through the API. Spans go
 * SDK -> OTLP -> collector -> ClickHouse, so a trace is readable a little
 * after its task ends. Rather than flush per item, one loop serves every
 * waiting item: flush the exporter once, read each pending trace, and poll
 * again shortly for those whose root span has not landed yet. Items are
 * never held longer than their deadline: then the wait resolves with
 * nothing and the item is reported as an error.
 */
import type { SpanRow } from '@assay/core'
import type { AssayApi } from './api/connection.js'
import { getTraceSpans } from './api/traces.js'
import { createLimiter } from './limiter.js'

interface Waiter {
  deadline: number
  resolve(spans: SpanRow[] | undefined): void
  reject(error: Error): void
}

export interface TraceGate {
  /** The trace's spans once its root span is stored; undefined after the timeout. */
  wait(traceId: string): Promise<SpanRow[] | undefined>
}

export interface TraceGateOptions {
  flush: () => Promise<void>
  timeoutMs: number
  /** Pause between polls while traces are missing. Default 50 ms. */
  pollMs?: number
}

export function createTraceGate(api: AssayApi, options: TraceGateOptions): TraceGate {
  const pending = new Map<string, Waiter>()
  // Reads in flight are bounded so a thousand finished items do not open a thousand sockets.
  const reads = createLimiter(8)
  const pollMs = options.pollMs ?? 50
  let looping = false

  async function loop(): Promise<void> {
    looping = true
    try {
      while (pending.size > 0) {
        await options.flush()
        const ids = [...pending.keys()]
        await Promise.all(ids.map((id) => reads(() => check(id))))
        if (pending.size > 0) await new Promise((r) => setTimeout(r, pollMs))
      }
    } finally {
      looping = false
    }
  }

  async function check(traceId: string): Promise<void> {
    const waiter = pending.get(traceId)
    if (!waiter) return
    try {
      const spans = await getTraceSpans(api, traceId)
      if (spans?.some((s) => s.parent_span_id === '')) {
        pending.delete(traceId)
        waiter.resolve(spans)
      } else if (Date.now() > waiter.deadline) {
        pending.delete(traceId)
        waiter.resolve(undefined)
      }
    } catch (error) {
      // The API itself failing is the run's problem, not this item's.
      pending.delete(traceId)
      waiter.reject(error as Error)
    }
  }

  return {
    wait(traceId) {
      return new Promise((resolve, reject) => {
        pending.set(traceId, { deadline: Date.now() + options.timeoutMs, resolve, reject })
        if (!looping) void loop()
      })
    },
  }
}
