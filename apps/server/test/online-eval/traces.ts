/** Traces for the online-evaluation tests: a root LLM span per trace whose output is the given answer. */
import { randomBytes } from 'node:crypto'
import { emptySpanRow, type SpanRow } from '@assay/core'

export const newTraceId = () => randomBytes(16).toString('hex')

/** A one-span trace that ended `agoMs` before now (default: just now). */
export function answerTrace(
  projectId: string,
  answer: string,
  options: { kind?: SpanRow['kind']; traceId?: string } = {},
): SpanRow {
  const end = BigInt(Date.now()) * 1_000_000n
  return emptySpanRow({
    project_id: projectId,
    trace_id: options.traceId ?? newTraceId(),
    span_id: randomBytes(8).toString('hex'),
    name: 'answer',
    kind: options.kind ?? 'LLM',
    start_time: String(end - 5_000_000n),
    end_time: String(end),
    input: JSON.stringify('what is the answer?'),
    output: JSON.stringify(answer),
  })
}
