import type { SpanRow } from '@assay/core'
import { truncate } from '../judges/render-value.js'
import { spanDurationMs } from './span-time.js'
import { buildSpanTree, type SpanNode } from './span-tree.js'

/**
 * A trace as a compact indented outline for a judge to read: one line per
 * span (name, kind, duration, status) and its input and output cut short.
 * Bounded in spans and characters, so a trace of thousands of spans still
 * fits a prompt; what is left out is said.
 *
 * @example
 * - answer [CHAIN] 812 ms OK
 *   input: {"question":"capital of France?"}
 *   output: "Paris"
 *   - search [RETRIEVER] 95 ms OK
 */
export interface RenderTraceOptions {
  maxSpans?: number
  maxIoChars?: number
}

export function renderTrace(spans: readonly SpanRow[], options: RenderTraceOptions = {}): string {
  const maxSpans = options.maxSpans ?? 200
  const maxIoChars = options.maxIoChars ?? 300
  const lines: string[] = []
  let shown = 0
  const stack: { node: SpanNode; depth: number }[] = buildSpanTree(spans)
    .reverse()
    .map((node) => ({ node, depth: 0 }))
  while (stack.length > 0 && shown < maxSpans) {
    const { node, depth } = stack.pop()!
    lines.push(...spanLines(node.span, '  '.repeat(depth), maxIoChars))
    shown++
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i]!, depth: depth + 1 })
  }
  if (spans.length > shown) lines.push(`… ${spans.length - shown} more spans not shown`)
  return lines.join('\n')
}

function spanLines(span: SpanRow, indent: string, maxIoChars: number): string[] {
  const status =
    span.status_code === 'ERROR' && span.status_message ? `ERROR: ${span.status_message}` : span.status_code
  const duration = Math.round(spanDurationMs(span))
  const lines = [`${indent}- ${span.name || '(unnamed)'} [${span.kind}] ${duration} ms ${status}`]
  if (span.input) lines.push(`${indent}  input: ${oneLine(span.input, maxIoChars)}`)
  if (span.output) lines.push(`${indent}  output: ${oneLine(span.output, maxIoChars)}`)
  return lines
}

function oneLine(text: string, maxChars: number): string {
  return truncate(text.replace(/\s+/g, ' '), maxChars)
}
