import { renderTrace } from '../trace/render-trace.js'
import { renderToolCalls } from '../trace/tool-calls.js'
import type { EvalItem } from '../types.js'
import { renderContext } from './render-context.js'
import { renderValue } from './render-value.js'
import type { TemplateVariable } from './template.js'

/**
 * The text of each variable a template needs, read from an item, or the
 * reason the item cannot be judged: a correctness judge without
 * expectations or a groundedness judge without retrieved documents would
 * otherwise ask the model to guess, and its score would look real.
 */
export type TemplateValues =
  | { ok: true; values: Partial<Record<TemplateVariable, string>> }
  | { ok: false; missing: string }

export function templateValues(
  variables: readonly TemplateVariable[],
  item: EvalItem,
  guidelines: readonly string[],
): TemplateValues {
  const values: Partial<Record<TemplateVariable, string>> = {}
  for (const variable of variables) {
    const value = variableText(variable, item, guidelines)
    if (typeof value !== 'string') return { ok: false, missing: value.missing }
    values[variable] = value
  }
  return { ok: true, values }
}

function variableText(
  variable: TemplateVariable,
  item: EvalItem,
  guidelines: readonly string[],
): string | { missing: string } {
  switch (variable) {
    case 'inputs':
      return item.inputs === undefined ? { missing: 'the item has no inputs' } : renderValue(item.inputs)
    case 'outputs':
      return item.outputs === undefined ? { missing: 'the item has no outputs' } : renderValue(item.outputs)
    case 'expectations':
      return isAbsent(item.expectations)
        ? { missing: 'the item has no expectations (ground truth) to compare against' }
        : renderValue(item.expectations)
    case 'context':
      return item.context && item.context.length > 0
        ? renderContext(item.context)
        : { missing: 'the item has no retrieved context (no RETRIEVER span documents)' }
    case 'trace':
      return item.trace && item.trace.spans.length > 0
        ? renderTrace(item.trace.spans)
        : { missing: 'the item has no trace' }
    case 'tool_calls':
      return item.trace && item.trace.spans.length > 0
        ? renderToolCalls(item.trace.spans)
        : { missing: 'the item has no trace to read tool calls from' }
    case 'guidelines':
      return guidelines.length > 0
        ? guidelines.map((rule, i) => `${i + 1}. ${rule}`).join('\n')
        : { missing: 'the judge has no guidelines' }
  }
}

function isAbsent(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (typeof value === 'object') return Object.keys(value).length === 0
  return false
}
