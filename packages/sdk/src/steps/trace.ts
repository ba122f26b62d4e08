/**
 * `trace(fn, { name, kind })` and `withSpan(name, fn)`: the user's own steps
 * (retrieval, tools, chains, agents) as spans around the OpenAI calls they
 * make, with arguments as input and the result as output.
 *
 * @example
 * const retrieve = trace(async (q: string) => search(q), { name: 'retrieve', kind: 'RETRIEVER' })
 * const answer = await withSpan('answer', async (span) => { ... }, { kind: 'CHAIN' })
 */
import type { Span } from '@opentelemetry/api'
import { runInSpan, type StepOptions } from './run-in-span.js'

export type TraceOptions = StepOptions

// biome-ignore lint/suspicious/noExplicitAny: a wrapper must accept any function's arguments
export function trace<F extends (...args: any[]) => any>(fn: F, options: TraceOptions = {}): F {
  const name = options.name ?? (fn.name || 'anonymous')
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const input = args.length === 0 ? undefined : { value: args.length === 1 ? args[0] : args }
    return runInSpan(name, options, input, () => fn.apply(this, args))
  }
  Object.defineProperty(wrapped, 'name', { value: fn.name })
  return wrapped as F
}

export interface WithSpanOptions extends StepOptions {
  /** Recorded as the span's input. */
  input?: unknown
}

/** Runs a block as a span; the block's return value is the output. */
export function withSpan<T>(name: string, fn: (span: Span) => T, options: WithSpanOptions = {}): T {
  const input = 'input' in options ? { value: options.input } : undefined
  return runInSpan(name, options, input, fn)
}
