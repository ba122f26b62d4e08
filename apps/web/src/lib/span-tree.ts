/**
 * A trace's spans as a tree, and the rows a tree view shows, built from the
 * tree columns of `GET /api/traces/{id}/tree` (spans in start order, parents
 * by position). Everything is typed arrays indexed by span position, built
 * in a few linear passes without recursion or BigInt: a 30,000-span trace
 * (possibly one deep chain) builds in a few milliseconds, well under a
 * long task. Spans are numbers here; `nameOf(tree, i)` and friends read
 * their columns.
 */
export interface DictColumn {
  values: string[]
  index: number[]
}

/** The columns the tree needs (a subset of the API's answer). */
export interface TreeColumns {
  span_id: string[]
  parent: number[]
  start: number[]
  duration: number[]
  name: DictColumn
  kind: DictColumn
  status_code: DictColumn
  status_message: DictColumn
  model: DictColumn
  total_tokens: number[]
  cost_usd: number[]
}

export interface SpanTree {
  columns: TreeColumns
  count: number
  /** Position of a span id. */
  indexOf: Map<string, number>
  /** Top-level spans in start order: roots, spans whose parent never arrived (and, defensively, cycles). */
  roots: number[]
  /** The parent in the tree as shown, -1 for a top-level span. */
  parent: Int32Array
  depth: Int32Array
  /** Number of spans below each one. */
  size: Int32Array
  childCount: Int32Array
  /** 1 when this span or one below it errored. */
  errorBelow: Uint8Array
  /** Every span in tree order (pre-order, children by start): the rows with nothing collapsed. */
  order: Int32Array
  /** Milliseconds from the trace's first start, and durations in milliseconds. */
  offsetMs: Float64Array
  durationMs: Float64Array
  /** From the first start to the last end, in milliseconds. */
  totalMs: number
  /** Nanoseconds between the columns' origin and the first start (0 unless spans predate the origin). */
  firstStartNs: number
}

const dict = (c: DictColumn, i: number) => c.values[c.index[i]!] ?? ''
export const nameOf = (t: SpanTree, i: number) => dict(t.columns.name, i)
export const kindOf = (t: SpanTree, i: number) => dict(t.columns.kind, i)
export const modelOf = (t: SpanTree, i: number) => dict(t.columns.model, i)
export const statusMessageOf = (t: SpanTree, i: number) => dict(t.columns.status_message, i)
export const isError = (t: SpanTree, i: number) => dict(t.columns.status_code, i) === 'ERROR'

export function buildSpanTree(columns: TreeColumns): SpanTree {
  const n = columns.span_id.length
  const indexOf = new Map<string, number>()
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY
  for (let i = 0; i < n; i++) {
    indexOf.set(columns.span_id[i]!, i)
    const start = columns.start[i]!
    if (start < first) first = start
    if (start + columns.duration[i]! > last) last = start + columns.duration[i]!
  }
  if (n === 0) first = last = 0
  // Children as linked lists in position order, which is start order.
  const firstChild = new Int32Array(n).fill(-1)
  const lastChild = new Int32Array(n).fill(-1)
  const nextSibling = new Int32Array(n).fill(-1)
  const parent = new Int32Array(n).fill(-1)
  const childCount = new Int32Array(n)
  const link = (p: number, c: number) => {
    parent[c] = p
    if (lastChild[p]! < 0) firstChild[p] = c
    else nextSibling[lastChild[p]!] = c
    lastChild[p] = c
    childCount[p]!++
  }
  const roots: number[] = []
  for (let i = 0; i < n; i++) {
    const p = columns.parent[i]!
    if (p >= 0 && p < n && p !== i) link(p, i)
    else roots.push(i)
  }
  // Pre-order walk with an explicit stack; spans never reached (a parent cycle) become top-level.
  const order = new Int32Array(n)
  const depth = new Int32Array(n)
  const seen = new Uint8Array(n)
  const stack = new Int32Array(n)
  let placed = 0
  const walk = (root: number) => {
    let top = 0
    stack[top++] = root
    seen[root] = 1
    while (top > 0) {
      const i = stack[--top]!
      order[placed++] = i
      // Push children last-first so the earliest is visited first.
      let count = 0
      for (let c = firstChild[i]!; c >= 0; c = nextSibling[c]!) if (!seen[c]) count++
      let at = top + count
      top = at
      for (let c = firstChild[i]!; c >= 0; c = nextSibling[c]!) {
        if (seen[c]) continue
        seen[c] = 1
        depth[c] = depth[i]! + 1
        stack[--at] = c
      }
    }
  }
  for (const r of roots) walk(r)
  for (let i = 0; i < n && placed < n; i++) {
    if (seen[i]) continue
    if (parent[i]! >= 0) childCount[parent[i]!]!--
    parent[i] = -1
    roots.push(i)
    walk(i)
  }
  // Sizes and error flags bottom-up: in reverse pre-order every child comes before its parent.
  const size = new Int32Array(n)
  const errorBelow = new Uint8Array(n)
  const offsetMs = new Float64Array(n)
  const durationMs = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    if (isErrorAt(columns, i)) errorBelow[i] = 1
    offsetMs[i] = (columns.start[i]! - first) / 1e6
    durationMs[i] = columns.duration[i]! / 1e6
  }
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k]!
    const p = parent[i]!
    if (p < 0 || !seen[p]) continue
    size[p]! += size[i]! + 1
    if (errorBelow[i]) errorBelow[p] = 1
  }
  return {
    columns,
    count: n,
    indexOf,
    roots,
    parent,
    depth,
    size,
    childCount,
    errorBelow,
    order,
    offsetMs,
    durationMs,
    totalMs: (last - first) / 1e6,
    firstStartNs: first,
  }
}

function isErrorAt(columns: TreeColumns, i: number): boolean {
  return dict(columns.status_code, i) === 'ERROR'
}

/**
 * The rows shown, in tree order: children of collapsed spans are skipped;
 * with `keep`, only spans flagged in it (matches and their ancestors). In
 * pre-order a subtree is the `size` spans after its root, so skipping one
 * is a jump, and the cost is the rows shown, not the spans.
 */
export function visibleRows(tree: SpanTree, collapsed: ReadonlySet<string>, keep?: Uint8Array): Int32Array {
  if (collapsed.size === 0 && !keep) return tree.order
  const rows: number[] = []
  const ids = tree.columns.span_id
  for (let k = 0; k < tree.count; ) {
    const i = tree.order[k]!
    if (keep && !keep[i]) {
      k += tree.size[i]! + 1
      continue
    }
    rows.push(i)
    k += collapsed.size > 0 && collapsed.has(ids[i]!) ? tree.size[i]! + 1 : 1
  }
  return Int32Array.from(rows)
}

export interface SearchResult {
  /** Matches and their ancestors (so each match shows where it sits). */
  keep: Uint8Array
  matched: Uint8Array
  count: number
}

/** The spans for which `matches` holds, plus any in `extra` (positions found elsewhere, e.g. by the server). */
export function searchSpans(
  tree: SpanTree,
  matches: (i: number) => boolean,
  extra: Iterable<number> = [],
): SearchResult {
  const keep = new Uint8Array(tree.count)
  const matched = new Uint8Array(tree.count)
  let count = 0
  const mark = (i: number) => {
    if (matched[i]) return
    matched[i] = 1
    count++
    for (let a = i; a >= 0 && !keep[a]; a = tree.parent[a]!) keep[a] = 1
  }
  for (let i = 0; i < tree.count; i++) if (matches(i)) mark(i)
  for (const i of extra) if (i >= 0 && i < tree.count) mark(i)
  return { keep, matched, count }
}
