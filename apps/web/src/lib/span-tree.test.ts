import { describe, expect, it } from 'vitest'
import { buildSpanTree, isError, nameOf, searchSpans, type TreeColumns, visibleRows } from './span-tree'

interface Spec {
  id: string
  parent: string
  startMs: number
  endMs: number
  error?: boolean
}

/** Tree columns as the API sends them: spans in start order, parents by position. */
function columns(specs: Spec[]): TreeColumns {
  const sorted = [...specs].sort((a, b) => a.startMs - b.startMs)
  const position = new Map(sorted.map((s, i) => [s.id, i]))
  const dict = (values: string[]) => ({ values, index: values.map((_, i) => i) })
  return {
    span_id: sorted.map((s) => s.id),
    parent: sorted.map((s) => position.get(s.parent) ?? -1),
    start: sorted.map((s) => s.startMs * 1e6),
    duration: sorted.map((s) => (s.endMs - s.startMs) * 1e6),
    name: dict(sorted.map((s) => s.id)),
    kind: { values: ['CHAIN'], index: sorted.map(() => 0) },
    status_code: { values: ['OK', 'ERROR'], index: sorted.map((s) => (s.error ? 1 : 0)) },
    status_message: { values: [''], index: sorted.map(() => 0) },
    model: { values: [''], index: sorted.map(() => 0) },
    total_tokens: sorted.map(() => 0),
    cost_usd: sorted.map(() => 0),
  }
}

describe('buildSpanTree', () => {
  const tree = buildSpanTree(
    columns([
      { id: 'c', parent: 'a', startMs: 50, endMs: 80 },
      { id: 'a', parent: '', startMs: 0, endMs: 100 },
      { id: 'b', parent: 'a', startMs: 10, endMs: 40, error: true },
      { id: 'd', parent: 'b', startMs: 12, endMs: 20 },
      { id: 'orphan', parent: 'missing', startMs: 30, endMs: 35 },
    ]),
  )
  const at = (id: string) => tree.indexOf.get(id)!
  const names = (rows: Int32Array) => [...rows].map((i) => nameOf(tree, i))

  it('nests by parent, orders by start, keeps orphans as roots', () => {
    expect(tree.roots.map((i) => nameOf(tree, i))).toEqual(['a', 'orphan'])
    expect([...visibleRows(tree, new Set())].map((i) => [nameOf(tree, i), tree.depth[i]])).toEqual([
      ['a', 0],
      ['b', 1],
      ['d', 2],
      ['c', 1],
      ['orphan', 0],
    ])
  })

  it('times rows from the first start and flags errors upwards', () => {
    expect([tree.offsetMs[at('b')], tree.durationMs[at('b')]]).toEqual([10, 30])
    expect(tree.totalMs).toBe(100)
    expect(isError(tree, at('b'))).toBe(true)
    expect(tree.errorBelow[at('a')]).toBe(1)
    expect(tree.errorBelow[at('c')]).toBe(0)
    expect(tree.size[at('a')]).toBe(3)
    expect(tree.childCount[at('a')]).toBe(2)
  })

  it('hides the children of collapsed spans', () => {
    expect(names(visibleRows(tree, new Set(['b'])))).toEqual(['a', 'b', 'c', 'orphan'])
    expect(names(visibleRows(tree, new Set(['a'])))).toEqual(['a', 'orphan'])
  })

  it('search keeps matches and their ancestors, with hits found elsewhere added', () => {
    const found = searchSpans(tree, (i) => nameOf(tree, i) === 'd')
    expect(found.count).toBe(1)
    expect(names(visibleRows(tree, new Set(), found.keep))).toEqual(['a', 'b', 'd'])
    const more = searchSpans(tree, (i) => nameOf(tree, i) === 'd', [at('orphan'), at('d')])
    expect(more.count).toBe(2)
    expect(names(visibleRows(tree, new Set(), more.keep))).toEqual(['a', 'b', 'd', 'orphan'])
  })

  it('shows spans in a parent cycle instead of losing them', () => {
    const cycle = columns([
      { id: 'x', parent: 'y', startMs: 0, endMs: 1 },
      { id: 'y', parent: 'x', startMs: 1, endMs: 2 },
    ])
    const t = buildSpanTree(cycle)
    expect([...visibleRows(t, new Set())].map((i) => [nameOf(t, i), t.depth[i]])).toEqual([
      ['x', 0],
      ['y', 1],
    ])
  })

  it('handles a 30,000-deep chain without recursion', () => {
    const chain = Array.from({ length: 30_000 }, (_, i) => ({
      id: `s${i}`,
      parent: i ? `s${i - 1}` : '',
      startMs: i,
      endMs: i + 1,
    }))
    const deep = buildSpanTree(columns(chain))
    expect(visibleRows(deep, new Set())).toHaveLength(30_000)
    expect(deep.depth[deep.indexOf.get('s29999')!]).toBe(29_999)
    expect(deep.size[deep.indexOf.get('s0')!]).toBe(29_999)
  })
})
