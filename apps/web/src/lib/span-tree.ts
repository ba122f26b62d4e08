/**
 * A trace's spans as a tree, and the rows a tree view shows: built once per
 * trace in O(n log n), flattened without recursion (a 30,000-span trace may
 * be a deep chain), times relative to the trace's start in milliseconds.
 */
export interface TreeSpan {
  span_id: string
  parent_span_id: string
  name: string
  kind: string
  status_code: string
  start_time: string
  end_time: string
}

export interface TreeNode<S extends TreeSpan = TreeSpan> {
  span: S
  depth: number
  children: TreeNode<S>[]
  /** Milliseconds from the trace's first start. */
  offsetMs: number
  durationMs: number
  /** This span or one below it errored. */
  errorBelow: boolean
  /** Number of spans below this one. */
  size: number
}

export interface SpanTree<S extends TreeSpan = TreeSpan> {
  roots: TreeNode<S>[]
  byId: Map<string, TreeNode<S>>
  /** From the first start to the last end, in milliseconds. */
  totalMs: number
}

const toBig = (ns: string) => (ns ? BigInt(ns) : 0n)

export function buildSpanTree<S extends TreeSpan>(spans: readonly S[]): SpanTree<S> {
  let first: bigint | undefined
  let last = 0n
  for (const s of spans) {
    const start = toBig(s.start_time)
    const end = toBig(s.end_time)
    if (first === undefined || start < first) first = start
    if (end > last) last = end
  }
  const origin = first ?? 0n
  const byId = new Map<string, TreeNode<S>>()
  for (const span of spans) {
    const start = toBig(span.start_time)
    const end = toBig(span.end_time)
    byId.set(span.span_id, {
      span,
      depth: 0,
      children: [],
      offsetMs: Number(start - origin) / 1e6,
      durationMs: end > start ? Number(end - start) / 1e6 : 0,
      errorBelow: span.status_code === 'ERROR',
      size: 0,
    })
  }
  const roots: TreeNode<S>[] = []
  for (const node of byId.values()) {
    const parent = node.span.parent_span_id ? byId.get(node.span.parent_span_id) : undefined
    // A span whose parent never arrived is shown as a root rather than lost.
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  const byStart = (a: TreeNode<S>, b: TreeNode<S>) => a.offsetMs - b.offsetMs
  roots.sort(byStart)
  // Depths top-down, then sizes and error flags bottom-up, without recursion.
  const order: TreeNode<S>[] = []
  const stack = [...roots]
  while (stack.length > 0) {
    const node = stack.pop()!
    order.push(node)
    node.children.sort(byStart)
    for (const child of node.children) {
      child.depth = node.depth + 1
      stack.push(child)
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!
    for (const child of node.children) {
      node.size += child.size + 1
      if (child.errorBelow) node.errorBelow = true
    }
  }
  return { roots, byId, totalMs: first === undefined ? 0 : Number(last - origin) / 1e6 }
}

/**
 * The rows shown, in tree order: children of collapsed nodes are skipped;
 * with `keep`, only spans in it (matches and their ancestors) are shown.
 */
export function visibleRows<S extends TreeSpan>(
  tree: SpanTree<S>,
  collapsed: ReadonlySet<string>,
  keep?: ReadonlySet<string>,
): TreeNode<S>[] {
  const rows: TreeNode<S>[] = []
  const stack: TreeNode<S>[] = []
  for (let i = tree.roots.length - 1; i >= 0; i--) stack.push(tree.roots[i]!)
  while (stack.length > 0) {
    const node = stack.pop()!
    if (keep && !keep.has(node.span.span_id)) continue
    rows.push(node)
    if (collapsed.has(node.span.span_id)) continue
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
  }
  return rows
}

/** The spans matching a search, plus their ancestors (so each match shows where it sits). */
export function searchSpans<S extends TreeSpan>(
  tree: SpanTree<S>,
  matches: (span: S) => boolean,
): { keep: Set<string>; matched: Set<string> } {
  const keep = new Set<string>()
  const matched = new Set<string>()
  for (const node of tree.byId.values()) {
    if (!matches(node.span)) continue
    matched.add(node.span.span_id)
    let current: TreeNode<S> | undefined = node
    while (current && !keep.has(current.span.span_id)) {
      keep.add(current.span.span_id)
      current = current.span.parent_span_id ? tree.byId.get(current.span.parent_span_id) : undefined
    }
  }
  return { keep, matched }
}
