/**
 * An export's span rows as JSONEachRow lines, encoded straight into bytes
 * (json-bytes.ts) and appended to the buffer of the group they will be
 * inserted with (span-writer.ts): byte for byte `rows.map(spanLine)`
 * from `@assay/store`, which stays the definition of the wire format (a
 * test holds the two equal, odd rows included), without building a string
 * per row. The resource attributes, shared by every row of a resource, are
 * encoded once per export and copied after that.
 */
import type { SpanRow } from '@assay/core'
import { spanLine } from '@assay/store'
import { ascii, JsonBytes } from './json-bytes.js'

/**
 * Appends the rows' lines to `out`, each after a '\n' when `out` already
 * holds a line, so a group's buffer is always its lines joined by '\n'.
 * When a row throws (spanLine's error for an impossible time), `out` is
 * left where it was before this call.
 */
export function appendSpanRows(out: JsonBytes, rows: readonly SpanRow[]): void {
  const start = out.pos
  const shared: SharedMap = { map: undefined, start: 0, end: 0 }
  try {
    for (let i = 0; i < rows.length; i++) {
      if (out.pos > 0) out.byte(0x0a)
      writeSpanRow(out, rows[i]!, shared)
    }
  } catch (error) {
    out.pos = start
    throw error
  }
}

/** `rows.map(spanLine).join('\n')` as UTF-8 bytes, in a Buffer of its own. */
export function spanRowsBody(rows: readonly SpanRow[]): Buffer {
  const out = new JsonBytes(1024)
  appendSpanRows(out, rows)
  return out.buf.subarray(0, out.pos)
}

/** Where the last resource-attributes map was written in this export's lines. */
interface SharedMap {
  map: object | undefined
  start: number
  end: number
}

const K = {
  start: ascii('{"start_time":'),
  end: ascii(',"end_time":'),
  project: ascii(',"project_id":'),
  trace: ascii(',"trace_id":'),
  span: ascii(',"span_id":'),
  parent: ascii(',"parent_span_id":'),
  name: ascii(',"name":'),
  kind: ascii(',"kind":'),
  statusCode: ascii(',"status_code":'),
  statusMessage: ascii(',"status_message":'),
  service: ascii(',"service_name":'),
  scope: ascii(',"scope_name":'),
  modelRequest: ascii(',"model_request":'),
  modelResponse: ascii(',"model_response":'),
  provider: ascii(',"provider":'),
  inputTokens: ascii(',"input_tokens":'),
  outputTokens: ascii(',"output_tokens":'),
  cachedTokens: ascii(',"cached_tokens":'),
  reasoningTokens: ascii(',"reasoning_tokens":'),
  totalTokens: ascii(',"total_tokens":'),
  cost: ascii(',"cost_usd":'),
  input: ascii(',"input":'),
  output: ascii(',"output":'),
  attributes: ascii(',"attributes":'),
  resourceAttributes: ascii(',"resource_attributes":'),
  session: ascii(',"session_id":'),
  user: ascii(',"user_id":'),
  modelId: ascii(',"model_id":'),
  promptName: ascii(',"prompt_name":'),
  promptVersion: ascii(',"prompt_version":'),
  environment: ascii(',"environment":'),
  tags: ascii(',"tags":'),
  metadata: ascii(',"metadata":'),
}

function writeSpanRow(out: JsonBytes, r: SpanRow, shared: SharedMap): void {
  // Anything spanLine would not write column by column (an odd time, a field
  // of another type) is left to spanLine itself: same bytes, or its error.
  if (!isPlainTime(r.start_time) || !isPlainTime(r.end_time) || !hasColumnTypes(r)) {
    out.text(spanLine(r))
    return
  }
  out.bytes(K.start)
  out.asciiText(r.start_time)
  out.bytes(K.end)
  out.asciiText(r.end_time)
  out.bytes(K.project)
  out.string(r.project_id)
  out.bytes(K.trace)
  out.string(r.trace_id)
  out.bytes(K.span)
  out.string(r.span_id)
  out.bytes(K.parent)
  out.string(r.parent_span_id)
  out.bytes(K.name)
  out.string(r.name)
  out.bytes(K.kind)
  out.string(r.kind)
  out.bytes(K.statusCode)
  out.string(r.status_code)
  out.bytes(K.statusMessage)
  out.string(r.status_message)
  out.bytes(K.service)
  out.string(r.service_name)
  out.bytes(K.scope)
  out.string(r.scope_name)
  out.bytes(K.modelRequest)
  out.string(r.model_request)
  out.bytes(K.modelResponse)
  out.string(r.model_response)
  out.bytes(K.provider)
  out.string(r.provider)
  out.bytes(K.inputTokens)
  out.number(r.input_tokens)
  out.bytes(K.outputTokens)
  out.number(r.output_tokens)
  out.bytes(K.cachedTokens)
  out.number(r.cached_tokens)
  out.bytes(K.reasoningTokens)
  out.number(r.reasoning_tokens)
  out.bytes(K.totalTokens)
  out.number(r.total_tokens)
  out.bytes(K.cost)
  out.number(r.cost_usd)
  out.bytes(K.input)
  out.string(r.input)
  out.bytes(K.output)
  out.string(r.output)
  out.bytes(K.attributes)
  out.stringMap(r.attributes)
  out.bytes(K.resourceAttributes)
  writeShared(out, r.resource_attributes, shared)
  out.bytes(K.session)
  out.string(r.session_id)
  out.bytes(K.user)
  out.string(r.user_id)
  out.bytes(K.modelId)
  out.string(r.model_id)
  out.bytes(K.promptName)
  out.string(r.prompt_name)
  out.bytes(K.promptVersion)
  out.string(r.prompt_version)
  out.bytes(K.environment)
  out.string(r.environment)
  out.bytes(K.tags)
  out.stringMap(r.tags)
  out.bytes(K.metadata)
  out.stringMap(r.metadata)
  out.byte(0x7d)
}

/** The map the previous row shared is copied from where it was written (rows are not mutated meanwhile). */
function writeShared(out: JsonBytes, map: Record<string, string>, shared: SharedMap): void {
  if (map === shared.map) {
    const length = shared.end - shared.start
    out.reserve(length)
    out.buf.copyWithin(out.pos, shared.start, shared.end)
    out.pos += length
    return
  }
  shared.map = map
  shared.start = out.pos
  out.stringMap(map)
  shared.end = out.pos
}

const INT64_MAX = '9223372036854775807'

/** A time spanLine writes as it is: 1-19 digits, no leading zero, within int64. */
function isPlainTime(t: unknown): t is string {
  if (typeof t !== 'string' || t.length === 0 || t.length > 19) return false
  if (t.length > 1 && t.charCodeAt(0) === 0x30) return false
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return false
  }
  return t.length < 19 || t <= INT64_MAX
}

/**
 * The condition under which spanLine writes a row column by column (its
 * `hasColumnTypes`): strings, numbers, and for the maps objects without a
 * `toJSON`. Any other row takes spanLine's generic path, through spanLine.
 */
function hasColumnTypes(r: SpanRow): boolean {
  return (
    typeof r.project_id === 'string' &&
    typeof r.trace_id === 'string' &&
    typeof r.span_id === 'string' &&
    typeof r.parent_span_id === 'string' &&
    typeof r.name === 'string' &&
    typeof r.kind === 'string' &&
    typeof r.status_code === 'string' &&
    typeof r.status_message === 'string' &&
    typeof r.service_name === 'string' &&
    typeof r.scope_name === 'string' &&
    typeof r.model_request === 'string' &&
    typeof r.model_response === 'string' &&
    typeof r.provider === 'string' &&
    typeof r.input_tokens === 'number' &&
    typeof r.output_tokens === 'number' &&
    typeof r.cached_tokens === 'number' &&
    typeof r.reasoning_tokens === 'number' &&
    typeof r.total_tokens === 'number' &&
    typeof r.cost_usd === 'number' &&
    typeof r.input === 'string' &&
    typeof r.output === 'string' &&
    isMap(r.attributes) &&
    isMap(r.resource_attributes) &&
    typeof r.session_id === 'string' &&
    typeof r.user_id === 'string' &&
    typeof r.model_id === 'string' &&
    typeof r.prompt_name === 'string' &&
    typeof r.prompt_version === 'string' &&
    typeof r.environment === 'string' &&
    isMap(r.tags) &&
    isMap(r.metadata)
  )
}

function isMap(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { toJSON?: unknown }).toJSON !== 'function'
  )
}
