import type { SpanRow } from '@assay/core'
import { compareStart } from './span-time.js'

/**
 * The spans of a trace as a tree. Traces arrive incomplete (a parent not
 * yet exported, a span dropped by a sampler), so a span whose parent is
 * missing is treated as a root rather than lost, and a parent cycle in bad
 * data cannot loop forever.
 */
export interface SpanNode {
  span: SpanRow
  children: SpanNode[]
}

export function buildSpanTree(spans: readonly SpanRow[]): SpanNode[] {
  const nodes = new Map<string, SpanNode>()
  for (const span of [...spans].sort(compareStart)) {
    if (!nodes.has(span.span_id)) nodes.set(span.span_id, { span, children: [] })
  }
  const roots: SpanNode[] = []
  const parentOf = new Map<SpanNode, SpanNode>()
  for (const node of nodes.values()) {
    const parent = node.span.parent_span_id ? nodes.get(node.span.parent_span_id) : undefined
    if (parent && parent !== node) {
      parent.children.push(node)
      parentOf.set(node, parent)
    } else roots.push(node)
  }
  // Spans on a parent cycle are reachable from no root: cut each cycle at its earliest span.
  const reached = new Set<SpanNode>()
  for (const root of roots) markReachable(root, reached)
  for (const node of nodes.values()) {
    if (reached.has(node)) continue
    const parent = parentOf.get(node)
    if (parent) parent.children.splice(parent.children.indexOf(node), 1)
    roots.push(node)
    markReachable(node, reached)
  }
  return roots.sort((a, b) => compareStart(a.span, b.span))
}

function markReachable(from: SpanNode, reached: Set<SpanNode>): void {
  const stack = [from]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (reached.has(node)) continue
    reached.add(node)
    stack.push(...node.children)
  }
}

/**
 * The span that stands for the whole trace: the earliest span without a
 * parent, else (an incomplete trace) the earliest span whose parent is
 * missing.
 */
export function rootSpan(spans: readonly SpanRow[]): SpanRow | undefined {
  const sorted = [...spans].sort(compareStart)
  const trueRoot = sorted.find((s) => s.parent_span_id === '')
  if (trueRoot) return trueRoot
  const ids = new Set(spans.map((s) => s.span_id))
  return sorted.find((s) => !ids.has(s.parent_span_id)) ?? sorted[0]
}
