import { z } from 'zod'

/**
 * The normalized span row: one row of the ClickHouse `spans` table.
 *
 * Field names are the column names (snake_case) so that the collector can
 * hand rows to the store without a mapping step on the hot path.
 * Times are nanoseconds since the Unix epoch as decimal strings: they exceed
 * 2^53 and must never pass through a JS number.
 */

export const SPAN_KINDS = [
  'LLM',
  'CHAT_MODEL',
  'EMBEDDING',
  'RETRIEVER',
  'RERANKER',
  'TOOL',
  'AGENT',
  'CHAIN',
  'GUARDRAIL',
  'EVALUATOR',
  'UNKNOWN',
] as const
export const SpanKind = z.enum(SPAN_KINDS)
export type SpanKind = z.infer<typeof SpanKind>

export const SPAN_STATUS_CODES = ['UNSET', 'OK', 'ERROR'] as const
export const SpanStatusCode = z.enum(SPAN_STATUS_CODES)
export type SpanStatusCode = z.infer<typeof SpanStatusCode>

/** 32 lowercase hex characters, not all zero. */
export const TraceId = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'trace id must be 32 lowercase hex characters')
  .refine((s) => !/^0+$/.test(s), 'trace id must not be all zeros')
/** 16 lowercase hex characters, not all zero. */
export const SpanId = z
  .string()
  .regex(/^[0-9a-f]{16}$/, 'span id must be 16 lowercase hex characters')
  .refine((s) => !/^0+$/.test(s), 'span id must not be all zeros')
/** Nanoseconds since the Unix epoch, as a decimal string. */
export const UnixNano = z
  .string()
  .regex(/^[0-9]{1,20}$/, 'time must be nanoseconds since the epoch as a decimal string')

/** Token counts are UInt32 columns: larger values are clamped to this by writers. */
export const MAX_TOKEN_COUNT = 4_294_967_295
const count = z.number().int().nonnegative().max(MAX_TOKEN_COUNT)
const stringMap = z.record(z.string(), z.string())

export const SpanRow = z.object({
  project_id: z.string().min(1),
  trace_id: TraceId,
  span_id: SpanId,
  /** '' for a root span. */
  parent_span_id: z.union([SpanId, z.literal('')]),
  name: z.string(),
  kind: SpanKind,
  status_code: SpanStatusCode,
  status_message: z.string(),
  start_time: UnixNano,
  end_time: UnixNano,
  service_name: z.string(),
  scope_name: z.string(),
  /** The model asked for, and the model that answered (they differ, e.g. `gpt-4o` vs `gpt-4o-2024-08-06`). */
  model_request: z.string(),
  model_response: z.string(),
  /** `openai`, `anthropic`, ... */
  provider: z.string(),
  input_tokens: count,
  output_tokens: count,
  cached_tokens: count,
  reasoning_tokens: count,
  total_tokens: count,
  cost_usd: z.number().nonnegative(),
  /** Normalized input and output as JSON text ('' when absent); chat messages where the source has messages. */
  input: z.string(),
  output: z.string(),
  /** Raw span attributes, every value as a string (non-strings JSON-encoded). Always kept. */
  attributes: stringMap,
  resource_attributes: stringMap,
  // Trace-level fields, denormalized onto every span of the trace.
  session_id: z.string(),
  user_id: z.string(),
  /** LoggedModel id (`assay.model.id`). */
  model_id: z.string(),
  prompt_name: z.string(),
  /** Prompt version number as text ('' when none). */
  prompt_version: z.string(),
  environment: z.string(),
  /** Tags as key/value; a tag given as a bare string is stored with the value ''. */
  tags: stringMap,
  /** User metadata (`metadata.<key>` in filters). */
  metadata: stringMap,
})
export type SpanRow = z.infer<typeof SpanRow>

/**
 * A span row with every field at its empty value, then the given fields.
 * The one place that lists the defaults: the collector builds every row
 * through it, tests and tools too. The maps are null-prototype objects, so
 * an attribute or tag key such as `__proto__` is just a key.
 */
export function emptySpanRow(
  fields: Pick<SpanRow, 'project_id' | 'trace_id' | 'span_id' | 'start_time' | 'end_time'> & Partial<SpanRow>,
): SpanRow {
  const { project_id, trace_id, span_id, start_time, end_time, ...rest } = fields
  return {
    project_id,
    trace_id,
    span_id,
    parent_span_id: '',
    name: '',
    kind: 'UNKNOWN',
    status_code: 'UNSET',
    status_message: '',
    start_time,
    end_time,
    service_name: '',
    scope_name: '',
    model_request: '',
    model_response: '',
    provider: '',
    input_tokens: 0,
    output_tokens: 0,
    cached_tokens: 0,
    reasoning_tokens: 0,
    total_tokens: 0,
    cost_usd: 0,
    input: '',
    output: '',
    attributes: Object.create(null),
    resource_attributes: Object.create(null),
    session_id: '',
    user_id: '',
    model_id: '',
    prompt_name: '',
    prompt_version: '',
    environment: '',
    tags: Object.create(null),
    metadata: Object.create(null),
    ...rest,
  }
}
