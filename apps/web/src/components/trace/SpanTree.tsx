'use client'
/**
 * The span tree and its waterfall, side by side in one virtualized list
 * (so they scroll together and only the rows in view exist: a 30,000-span
 * trace is a few dozen DOM rows). Rows are fixed-height; nothing here
 * measures the DOM.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useRef } from 'react'
import { formatDuration } from '@/lib/format'
import { isError, kindOf, nameOf, statusMessageOf, type SpanTree as Tree } from '@/lib/span-tree'
import { Chevron } from '../ui/icons'
import { KindIcon, kindColor } from '../ui/KindIcon'

const ROW = 28

const Row = memo(function Row({
  tree,
  index,
  selected,
  collapsed,
  hit,
  onSelect,
  onToggle,
}: {
  tree: Tree
  index: number
  selected: boolean
  collapsed: boolean
  hit: boolean
  onSelect: (id: string) => void
  onToggle: (id: string) => void
}) {
  const id = tree.columns.span_id[index]!
  const kind = kindOf(tree, index)
  const name = nameOf(tree, index)
  const err = isError(tree, index)
  const depth = tree.depth[index]!
  const hasChildren = tree.childCount[index]! > 0
  const size = tree.size[index]!
  const { totalMs } = tree
  const offsetMs = tree.offsetMs[index]!
  const durationMs = tree.durationMs[index]!
  const left = totalMs > 0 ? (offsetMs / totalMs) * 100 : 0
  const width = totalMs > 0 ? Math.max((durationMs / totalMs) * 100, 0.3) : 100
  return (
    <div
      role="treeitem"
      aria-selected={selected}
      aria-expanded={hasChildren ? !collapsed : undefined}
      aria-level={depth + 1}
      data-span-id={id}
      className={`span-row${selected ? ' selected' : ''}${err ? ' err' : ''}`}
      tabIndex={-1}
      onClick={() => onSelect(id)}
      onKeyDown={(e) => e.key === ' ' && onSelect(id)}
    >
      <div className="span-cell" style={{ paddingLeft: 6 + Math.min(depth, 40) * 14 }}>
        {hasChildren ? (
          <button
            type="button"
            className="twisty"
            aria-label={collapsed ? 'Expand' : 'Collapse'}
            onClick={(e) => {
              e.stopPropagation()
              onToggle(id)
            }}
          >
            <Chevron open={!collapsed} />
          </button>
        ) : (
          <span className="twisty" />
        )}
        <KindIcon kind={kind} />
        <span className={`span-name ellipsis${hit ? ' hit' : ''}`}>{name || '(unnamed)'}</span>
        {collapsed && size > 0 && <span className="pill span-hidden">+{size}</span>}
        {err ? (
          <span className="err-mark" title={statusMessageOf(tree, index) || 'error'}>
            !
          </span>
        ) : tree.errorBelow[index] && collapsed ? (
          <span className="err-mark soft">!</span>
        ) : null}
        <span className="span-dur">{formatDuration(durationMs)}</span>
      </div>
      <div className="wf-cell">
        <div
          className="wf-bar"
          style={{
            left: `${left}%`,
            width: `${width}%`,
            background: err ? 'var(--error)' : kindColor(kind),
          }}
        />
      </div>
    </div>
  )
})

function ticks(totalMs: number): string[] {
  return [0, 0.5, 1].map((f) => formatDuration(totalMs * f))
}

export function SpanTree({
  tree,
  rows,
  selectedId,
  collapsed,
  hits,
  onSelect,
  onToggle,
}: {
  tree: Tree
  /** Span positions, in the order shown. */
  rows: Int32Array
  selectedId: string | undefined
  collapsed: ReadonlySet<string>
  /** 1 for spans matching the search. */
  hits: Uint8Array | undefined
  onSelect: (id: string) => void
  onToggle: (id: string) => void
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 16,
  })
  const selectedIndex = selectedId ? rows.indexOf(tree.indexOf.get(selectedId) ?? -1) : -1
  useEffect(() => {
    if (selectedIndex >= 0) virtual.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtual])

  return (
    <div className="span-tree" ref={scroller} role="tree" aria-label="Spans" data-rows={rows.length}>
      <div className="span-head">
        <div className="span-cell">Span</div>
        <div className="wf-axis">
          {ticks(tree.totalMs).map((t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed three ticks
            <span key={i} style={{ left: `${i * 50}%` }}>
              {t}
            </span>
          ))}
        </div>
      </div>
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((v) => {
          const index = rows[v.index]!
          const id = tree.columns.span_id[index]!
          return (
            <div key={id} className="span-slot" style={{ transform: `translateY(${v.start}px)` }}>
              <Row
                tree={tree}
                index={index}
                selected={id === selectedId}
                collapsed={collapsed.has(id)}
                hit={hits?.[index] === 1}
                onSelect={onSelect}
                onToggle={onToggle}
              />
            </div>
          )
        })}
      </div>
    </div>
  )
}
