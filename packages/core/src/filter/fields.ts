/**
 * The field registry: every name the filter language knows, with its type
 * (which operators and values it takes), its level (one span, or the whole
 * trace) and a description for the dashboard. The parser checks against
 * it; the store maps each name to columns; `GET /api/filter/fields` serves it.
 */
import { SPAN_KINDS, SPAN_STATUS_CODES } from '../span.js'

/**
 * - `string`: text compared whole (`=`, `LIKE`, `IN`, ...).
 * - `enum`: one of `values`, case-insensitive.
 * - `number`: numbers and durations (`500ms`, `2s` become milliseconds).
 * - `text`: searched only (`LIKE`, `ILIKE`): the span's input and output.
 * - `prompt`: `"name"` or `"name/version"`.
 * - `attribute`: a map value: text, or compared as a number when the literal is one.
 * - `feedback`: an assessment value: number, boolean or text.
 */
export type FilterFieldType = 'string' | 'enum' | 'number' | 'text' | 'prompt' | 'attribute' | 'feedback'

/** `span`: a property of one span. `trace`: a property of the whole trace (an aggregate, or its assessments). */
export type FilterFieldLevel = 'span' | 'trace'

export interface FilterField {
  /** `span.kind`; for a keyed field the prefix without the key, e.g. `span.attributes`. */
  name: string
  type: FilterFieldType
  level: FilterFieldLevel
  /** Written `<name>.<key>`; the key may contain dots and dashes, or be quoted. */
  keyed: boolean
  /** The allowed values of an enum field. */
  values?: readonly string[]
  description: string
  example: string
}

const field = (f: Omit<FilterField, 'keyed'> & { keyed?: boolean }): FilterField => ({ keyed: false, ...f })

export const FILTER_FIELDS: readonly FilterField[] = [
  field({
    name: 'trace.status',
    type: 'enum',
    level: 'trace',
    values: SPAN_STATUS_CODES,
    description: "ERROR if any span failed, else the root span's status",
    example: "trace.status = 'ERROR'",
  }),
  field({
    name: 'trace.name',
    type: 'string',
    level: 'trace',
    description: 'Name of the root span',
    example: "trace.name = 'checkout'",
  }),
  field({
    name: 'trace.duration_ms',
    type: 'number',
    level: 'trace',
    description: 'From the first span start to the last span end, in milliseconds',
    example: 'trace.duration_ms > 2s',
  }),
  field({
    name: 'trace.tokens',
    type: 'number',
    level: 'trace',
    description: 'Total tokens of all spans',
    example: 'trace.tokens > 10000',
  }),
  field({
    name: 'trace.cost',
    type: 'number',
    level: 'trace',
    description: 'Total cost of all spans, in USD',
    example: 'trace.cost >= 0.05',
  }),
  field({
    name: 'span.kind',
    type: 'enum',
    level: 'span',
    values: SPAN_KINDS,
    description: 'Kind of span',
    example: "span.kind = 'RETRIEVER'",
  }),
  field({
    name: 'span.name',
    type: 'string',
    level: 'span',
    description: 'Span name',
    example: "span.name LIKE 'search%'",
  }),
  field({
    name: 'span.status',
    type: 'enum',
    level: 'span',
    values: SPAN_STATUS_CODES,
    description: 'Span status',
    example: "span.status = 'ERROR'",
  }),
  field({
    name: 'span.duration_ms',
    type: 'number',
    level: 'span',
    description: 'Span duration in milliseconds',
    example: 'span.duration_ms > 500ms',
  }),
  field({
    name: 'span.model',
    type: 'string',
    level: 'span',
    description: 'Model requested or the model that answered (either matches)',
    example: "span.model = 'gpt-4o'",
  }),
  field({
    name: 'span.provider',
    type: 'string',
    level: 'span',
    description: 'Model provider (openai, anthropic, ...)',
    example: "span.provider = 'openai'",
  }),
  field({
    name: 'span.tokens',
    type: 'number',
    level: 'span',
    description: 'Total tokens of the span',
    example: 'span.tokens > 1000',
  }),
  field({
    name: 'span.cost',
    type: 'number',
    level: 'span',
    description: 'Cost of the span in USD',
    example: 'span.cost > 0.01',
  }),
  field({
    name: 'span.attributes',
    keyed: true,
    type: 'attribute',
    level: 'span',
    description: 'A raw span attribute',
    example: "span.attributes.http.method = 'POST'",
  }),
  field({
    name: 'service.name',
    type: 'string',
    level: 'span',
    description: 'Service that emitted the span',
    example: "service.name = 'checkout-bot'",
  }),
  field({
    name: 'environment',
    type: 'string',
    level: 'span',
    description: 'Deployment environment',
    example: "environment = 'production'",
  }),
  field({
    name: 'session.id',
    type: 'string',
    level: 'span',
    description: 'Session (conversation) id',
    example: "session.id = 'abc123'",
  }),
  field({
    name: 'user.id',
    type: 'string',
    level: 'span',
    description: 'End-user id',
    example: "user.id = 'u-42'",
  }),
  field({
    name: 'model.id',
    type: 'string',
    level: 'span',
    description: 'LoggedModel (application version) id',
    example: "model.id = 'm-7'",
  }),
  field({
    name: 'prompt',
    type: 'prompt',
    level: 'span',
    description: 'Prompt used: "name" (any version) or "name/version"',
    example: 'prompt = "support/3"',
  }),
  field({
    name: 'metadata',
    keyed: true,
    type: 'attribute',
    level: 'span',
    description: 'User metadata',
    example: "metadata.tenant = 'acme'",
  }),
  field({
    name: 'tag',
    keyed: true,
    type: 'attribute',
    level: 'span',
    description: 'A tag; written alone (tag.vip) it means the tag is present',
    example: "tag.team = 'support'",
  }),
  field({
    name: 'feedback',
    keyed: true,
    type: 'feedback',
    level: 'trace',
    description: 'Value of a valid feedback assessment on the trace, by name',
    example: 'feedback.correctness >= 0.8',
  }),
  field({
    name: 'text',
    type: 'text',
    level: 'span',
    description: 'Span input or output (searched with LIKE / ILIKE)',
    example: "text ILIKE '%timeout%'",
  }),
]

const byName = new Map(FILTER_FIELDS.map((f) => [f.name, f]))

/** The registry entry of a name (`span.kind`, `span.attributes`), or undefined. */
export function filterField(name: string): FilterField | undefined {
  return byName.get(name)
}

/** How a field is written: `span.kind`, or `span.attributes.<key>`. */
export function fieldLabel(f: FilterField): string {
  return f.keyed ? `${f.name}.<key>` : f.name
}
