import { describe, expect, it } from 'vitest'
import { buildSpanTree, searchSpans, type TreeSpan, visibleRows } from './span-tree'

const span = (
  id: string,
  parent: string,
  startMs: number,
  endMs: number,
  extra: Partial<TreeSpan> = {},
): TreeSpan => ({
  span_id: id,
  parent_span_id: parent,
  name: id,
  kind: 'CHAIN',
  status_code: 'OK',
  start_time: String(BigInt(1_700_000_000_000 + startMs) * 1_000_000n),
  end_time: String(BigInt(1_700_000_000_000 + endMs) * 1_000_000n),
  ...extra,
})

describe('buildSpanTree', () => {
  const spans = [
    span('c', 'a', 50, 80),
    span('a', '', 0, 100),
    span('b', 'a', 10, 40, { status_code: 'ERROR' }),
    span('d', 'b', 12, 20),
    span('orphan', 'missing', 30, 35),
  ]
  const tree = buildSpanTree(spans)

  it('nests by parent, orders by start, keeps orphans as roots', () => {
    expect(tree.roots.map((r) => r.span.span_id)).toEqual(['a', 'orphan'])
    expect(visibleRows(tree, new Set()).map((r) => [r.span.span_id, r.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['d', 2],
      ['c', 1],
      ['orphan', 0],
    ])
  })

  it('times rows from the first start and flags errors upwards', () => {
    const b = tree.byId.get('b')!
    expect([b.offsetMs, b.durationMs]).toEqual([10, 30])
    expect(tree.totalMs).toBe(100)
    expect(tree.byId.get('a')!.errorBelow).toBe(true)
    expect(tree.byId.get('c')!.errorBelow).toBe(false)
    expect(tree.byId.get('a')!.size).toBe(3)
  })

  it('hides the children of collapsed spans', () => {
    expect(visibleRows(tree, new Set(['b'])).map((r) => r.span.span_id)).toEqual(['a', 'b', 'c', 'orphan'])
  })

  it('search keeps matches and their ancestors', () => {
    const found = searchSpans(tree, (s) => s.span_id === 'd')
    expect([...found.matched]).toEqual(['d'])
    expect(visibleRows(tree, new Set(), found.keep).map((r) => r.span.span_id)).toEqual(['a', 'b', 'd'])
  })

  it('handles a 30,000-deep chain without recursion', () => {
    const chain = Array.from({ length: 30_000 }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : '', i, i + 1))
    const deep = buildSpanTree(chain)
    expect(visibleRows(deep, new Set())).toHaveLength(30_000)
    expect(deep.byId.get('s29999')!.depth).toBe(29_999)
  })
})
