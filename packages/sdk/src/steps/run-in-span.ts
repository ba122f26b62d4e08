/**
 * The one place a user's step becomes a span: start it as the active span,
 * run the body inside it, and end it when the result settles — at once for
 * a plain value, when a promise settles, when an async iterator finishes
 * (or the consumer stops early). Output and errors are recorded; the body's
 * own result and exceptions reach the caller untouched.
 */
import { type Attributes, context, trace as otelTrace, type Span, SpanStatusCode } from '@opentelemetry/api'
import { ATTR, type SpanKind } from '../attributes.js'
import { serialize } from '../serialize.js'
import { toDocuments } from './documents.js'

export interface StepOptions {
  /** Span name; defaults to the function's name. */
  name?: string
  /** `RETRIEVER`, `TOOL`, `AGENT`, `CHAIN`, `LLM`... (case-insensitive). Default `CHAIN`. */
  kind?: SpanKind | Lowercase<SpanKind>
  /** Record arguments as `assay.input` (default true). */
  captureInput?: boolean
  /** Record the result as `assay.output` (default true). */
  captureOutput?: boolean
  attributes?: Attributes
}

const tracer = () => otelTrace.getTracer('@assay/sdk')

export function runInSpan<T>(
  name: string,
  options: StepOptions,
  input: { value: unknown } | undefined,
  body: (span: Span) => T,
): T {
  const kind = (options.kind ?? 'CHAIN').toUpperCase()
  const span = tracer().startSpan(name, { attributes: { ...options.attributes, [ATTR.spanKind]: kind } })
  if (input && options.captureInput !== false) span.setAttribute(ATTR.input, serialize(input.value))
  const ctx = otelTrace.setSpan(context.active(), span)
  let result: T
  try {
    result = context.with(ctx, body, undefined, span)
  } catch (err) {
    fail(span, err)
    throw err
  }
  const done = (value: unknown) => succeed(span, value, kind, options)
  if (isPromiseLike(result)) {
    return result.then(
      (value) => {
        done(value)
        return value
      },
      (err: unknown) => {
        fail(span, err)
        throw err
      },
    ) as T
  }
  if (isAsyncIterator(result)) return tracedIterator(result, span, ctx, done) as T
  done(result)
  return result
}

function succeed(span: Span, value: unknown, kind: string, options: StepOptions): void {
  if (options.captureOutput !== false) {
    const documents = kind === 'RETRIEVER' ? toDocuments(value) : undefined
    span.setAttribute(ATTR.output, serialize(documents ?? value))
  }
  span.end()
}

function fail(span: Span, err: unknown): void {
  const error = err instanceof Error ? err : new Error(String(err))
  span.recordException(error)
  span.setStatus({ code: SpanStatusCode.ERROR, message: error.message })
  span.end()
}

/** Yields what the source yields, each step inside the span; the span ends with the iteration. */
async function* tracedIterator<Y, R>(
  source: AsyncIterator<Y, R>,
  span: Span,
  ctx: ReturnType<typeof context.active>,
  done: (value: unknown) => void,
): AsyncGenerator<Y, R | undefined> {
  const items: Y[] = []
  let finished = false
  try {
    while (true) {
      const step = await context.with(ctx, () => source.next())
      if (step.done) {
        finished = true
        done(step.value === undefined ? items : step.value)
        return step.value
      }
      items.push(step.value)
      yield step.value
    }
  } catch (err) {
    finished = true
    fail(span, err)
    throw err
  } finally {
    if (!finished) {
      // The consumer stopped early (break/return): close the source and keep what was seen.
      await source.return?.()
      done(items)
    }
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown })?.then === 'function'
}

function isAsyncIterator(value: unknown): value is AsyncIterator<unknown> & AsyncIterable<unknown> {
  const v = value as { next?: unknown; [Symbol.asyncIterator]?: unknown }
  return typeof v?.next === 'function' && typeof v[Symbol.asyncIterator] === 'function'
}
