/**
 * The full span row as the reads that return whole spans select it: the
 * column list (times as nanosecond strings) and the mapping of a compact
 * row (`JSONCompactEachRow` array, in SELECT order) to a `SpanRow`.
 */
import type { SpanRow } from '@assay/core'
import { columnIndex } from './query-compact.js'
import { nanosOut } from './time-window.js'

// Every SpanRow column but project_id and trace_id (the WHERE fixes them) and the two times (read as ns strings).
const COLUMNS = [
  'span_id',
  'parent_span_id',
  'name',
  'kind',
  'status_code',
  'status_message',
  'service_name',
  'scope_name',
  'model_request',
  'model_response',
  'provider',
  'input_tokens',
  'output_tokens',
  'cached_tokens',
  'reasoning_tokens',
  'total_tokens',
  'cost_usd',
  'input',
  'output',
  'attributes',
  'resource_attributes',
  'session_id',
  'user_id',
  'model_id',
  'prompt_name',
  'prompt_version',
  'environment',
  'tags',
  'metadata',
  'start_ns',
  'end_ns',
] as const
export const SPAN_SELECT_LIST = COLUMNS.map((c) =>
  c === 'start_ns' ? nanosOut('start_time') : c === 'end_ns' ? nanosOut('end_time') : c,
).join(', ')
const I = columnIndex(COLUMNS)

type Str = SpanRow['attributes']

export function spanRowOf(projectId: string, traceId: string, r: unknown[]): SpanRow {
  return {
    project_id: projectId,
    trace_id: traceId,
    span_id: r[I.span_id] as string,
    parent_span_id: r[I.parent_span_id] as string,
    name: r[I.name] as string,
    kind: r[I.kind] as SpanRow['kind'],
    status_code: r[I.status_code] as SpanRow['status_code'],
    status_message: r[I.status_message] as string,
    start_time: r[I.start_ns] as string,
    end_time: r[I.end_ns] as string,
    service_name: r[I.service_name] as string,
    scope_name: r[I.scope_name] as string,
    model_request: r[I.model_request] as string,
    model_response: r[I.model_response] as string,
    provider: r[I.provider] as string,
    // UInt32 and Float64 arrive as JSON numbers on both backends; Number() keeps the row type honest.
    input_tokens: Number(r[I.input_tokens]),
    output_tokens: Number(r[I.output_tokens]),
    cached_tokens: Number(r[I.cached_tokens]),
    reasoning_tokens: Number(r[I.reasoning_tokens]),
    total_tokens: Number(r[I.total_tokens]),
    cost_usd: Number(r[I.cost_usd]),
    input: r[I.input] as string,
    output: r[I.output] as string,
    attributes: r[I.attributes] as Str,
    resource_attributes: r[I.resource_attributes] as Str,
    session_id: r[I.session_id] as string,
    user_id: r[I.user_id] as string,
    model_id: r[I.model_id] as string,
    prompt_name: r[I.prompt_name] as string,
    prompt_version: r[I.prompt_version] as string,
    environment: r[I.environment] as string,
    tags: r[I.tags] as Str,
    metadata: r[I.metadata] as Str,
  }
}
