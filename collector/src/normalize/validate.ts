import type { DecodedSpan } from '../otlp/types.js'
import { idProblem, parentProblem } from './ids.js'
import { canonicalNanos, compareNanos, nanosProblem } from './times.js'

/**
 * The checks that reject a span. Rules:
 * - trace id: 32 hex, span id: 16 hex, neither all zeros;
 * - parent id: empty, all zeros (read as root) or a valid span id;
 * - start time: a decimal nanosecond count, not zero, before 2262;
 * - end time: zero (missing) is accepted and read as the start time, since
 *   some libraries leave failed calls unended; otherwise it must not be
 *   before the start.
 */
export function spanProblem(span: DecodedSpan): string | undefined {
  const trace = idProblem(span.traceId, 32)
  if (trace) return `trace id ${trace}`
  const id = idProblem(span.spanId, 16)
  if (id) return `span id ${id}`
  const parent = parentProblem(span.parentSpanId)
  if (parent) return `parent span id ${parent}`
  const start = canonicalNanos(span.startTimeUnixNano)
  if (start === undefined) return 'start time is not a decimal nanosecond count'
  const startProblem = nanosProblem(start)
  if (startProblem) return `start time ${startProblem}`
  const end = canonicalNanos(span.endTimeUnixNano)
  if (end === undefined) return 'end time is not a decimal nanosecond count'
  if (end === '0') return undefined
  const endProblem = nanosProblem(end)
  if (endProblem) return `end time ${endProblem}`
  if (compareNanos(end, start) < 0) return 'end time is before start time'
  return undefined
}
