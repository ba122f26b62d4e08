import type { SpanKind } from '@assay/core'
import type { AnyValue } from '../../otlp/types.js'
import { fill, fillCost, fillIo, fillKind, fillMetadata, fillUsage, type SpanDraft } from '../draft.js'
import { ioFromAttribute } from '../io.js'
import { mapKind } from '../kinds.js'
import { readJson, readString, toAmount, toCount } from '../read.js'
import { addTags } from '../tags.js'
import { stringifyValue } from '../values.js'
import { LANGFUSE } from './detect.js'
import type { Dialect } from './types.js'

/**
 * Langfuse SDK keys (`langfuse.observation.*`, `langfuse.trace.*`). Usage
 * and cost arrive as JSON objects whose key names vary by provider
 * (`input`, `output`, `total`, `cache_read_input_tokens`, `input_cached_tokens`, ...).
 */

const KINDS: Record<string, SpanKind> = {
  generation: 'LLM',
  embedding: 'EMBEDDING',
  agent: 'AGENT',
  tool: 'TOOL',
  chain: 'CHAIN',
  retriever: 'RETRIEVER',
  evaluator: 'EVALUATOR',
  guardrail: 'GUARDRAIL',
}

const METADATA_PREFIXES = ['langfuse.trace.metadata.', 'langfuse.observation.metadata.']

function usageFrom(value: unknown): Parameters<typeof fillUsage>[1] {
  if (typeof value !== 'object' || value === null) return {}
  const u = value as Record<string, unknown>
  let cached: number | undefined
  let reasoning: number | undefined
  for (const key of Object.keys(u)) {
    if (/cache_read|cached/.test(key)) cached = (cached ?? 0) + (toCount(u[key] as AnyValue) ?? 0)
    else if (key.includes('reasoning')) reasoning = (reasoning ?? 0) + (toCount(u[key] as AnyValue) ?? 0)
  }
  const input = toCount((u.input ?? u.prompt_tokens ?? u.input_tokens) as AnyValue)
  const output = toCount((u.output ?? u.completion_tokens ?? u.output_tokens) as AnyValue)
  return { input, output, total: toCount((u.total ?? u.total_tokens) as AnyValue), cached, reasoning }
}

function costFrom(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return toAmount(value)
  const c = value as Record<string, unknown>
  if (c.total !== undefined) return toAmount(c.total)
  let sum = 0
  for (const v of Object.values(c)) sum += toAmount(v) ?? 0
  return sum
}

export const langfuseDialect: Dialect = {
  name: 'langfuse',
  mask: LANGFUSE,
  apply(d: SpanDraft) {
    const a = d.attrs
    fillKind(d, mapKind(readString(a, 'langfuse.observation.type'), KINDS))
    const model = readString(a, 'langfuse.observation.model.name')
    fill(d, 'model_request', model)
    fill(d, 'model_response', model)
    fillUsage(d, usageFrom(readJson(a, 'langfuse.observation.usage_details')))
    if (a['langfuse.observation.cost_details'] !== undefined) {
      fillCost(d, costFrom(readJson(a, 'langfuse.observation.cost_details')))
    }
    fillIo(d, 'input', () => ioFromAttribute(a['langfuse.observation.input'], 'input'))
    fillIo(d, 'output', () => ioFromAttribute(a['langfuse.observation.output'], 'output'))
    fill(d, 'session_id', readString(a, 'langfuse.session.id'))
    fill(d, 'user_id', readString(a, 'langfuse.user.id'))
    fill(d, 'environment', readString(a, 'langfuse.environment'))
    fill(
      d,
      'prompt_name',
      readString(a, 'langfuse.observation.prompt.name') || readString(a, 'langfuse.prompt.name'),
    )
    fill(
      d,
      'prompt_version',
      readString(a, 'langfuse.observation.prompt.version') || readString(a, 'langfuse.prompt.version'),
    )
    if (a['langfuse.trace.tags'] !== undefined) addTags(d, a['langfuse.trace.tags'])
    if (readString(a, 'langfuse.observation.level') === 'ERROR') {
      d.row.status_code = 'ERROR'
      fill(d, 'status_message', readString(a, 'langfuse.observation.status_message'))
    }
    for (const key in a) {
      for (const prefix of METADATA_PREFIXES) {
        if (key.startsWith(prefix))
          fillMetadata(d, key.slice(prefix.length), stringifyValue(a[key] as AnyValue))
      }
    }
  },
}
