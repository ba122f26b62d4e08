'use client'
/**
 * The span tree and its waterfall, side by side in one virtualized list
 * (so they scroll together and only the rows in view exist: a 30,000-span
 * trace is a few dozen DOM rows). Rows are fixed-height; nothing here
 * measures the DOM.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useRef } from 'react'
import type { Span } from '@/lib/api'
import { formatDuration } from '@/lib/format'
import type { SpanTree as Tree, TreeNode } from '@/lib/span-tree'
import { Chevron } from '../ui/icons'
import { KindIcon, kindColor } from '../ui/KindIcon'

const ROW = 28

const Row = memo(function Row({
  node,
  totalMs,
  selected,
  collapsed,
  hit,
  onSelect,
  onToggle,
}: {
  node: TreeNode<Span>
  totalMs: number
  selected: boolean
  collapsed: boolean
  hit: boolean
  onSelect: (id: string) => void
  onToggle: (id: string) => void
}) {
  const s = node.span
  const err = s.status_code === 'ERROR'
  const left = totalMs > 0 ? (node.offsetMs / totalMs) * 100 : 0
  const width = totalMs > 0 ? Math.max((node.durationMs / totalMs) * 100, 0.3) : 100
  return (
    <div
      role="treeitem"
      aria-selected={selected}
      aria-expanded={node.children.length > 0 ? !collapsed : undefined}
      aria-level={node.depth + 1}
      data-span-id={s.span_id}
      className={`span-row${selected ? ' selected' : ''}${err ? ' err' : ''}`}
      tabIndex={-1}
      onClick={() => onSelect(s.span_id)}
      onKeyDown={(e) => e.key === ' ' && onSelect(s.span_id)}
    >
      <div className="span-cell" style={{ paddingLeft: 6 + Math.min(node.depth, 40) * 14 }}>
        {node.children.length > 0 ? (
          <button
            type="button"
            className="twisty"
            aria-label={collapsed ? 'Expand' : 'Collapse'}
            onClick={(e) => {
              e.stopPropagation()
              onToggle(s.span_id)
            }}
          >
            <Chevron open={!collapsed} />
          </button>
        ) : (
          <span className="twisty" />
        )}
        <KindIcon kind={s.kind} />
        <span className={`span-name ellipsis${hit ? ' hit' : ''}`}>{s.name || '(unnamed)'}</span>
        {collapsed && node.size > 0 && <span className="pill span-hidden">+{node.size}</span>}
        {err ? (
          <span className="err-mark" title={s.status_message || 'error'}>
            !
          </span>
        ) : node.errorBelow && collapsed ? (
          <span className="err-mark soft">!</span>
        ) : null}
        <span className="span-dur">{formatDuration(node.durationMs)}</span>
      </div>
      <div className="wf-cell">
        <div
          className="wf-bar"
          style={{
            left: `${left}%`,
            width: `${width}%`,
            background: err ? 'var(--error)' : kindColor(s.kind),
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
  tree: Tree<Span>
  rows: TreeNode<Span>[]
  selectedId: string | undefined
  collapsed: ReadonlySet<string>
  hits: ReadonlySet<string> | undefined
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
  const selectedIndex = selectedId ? rows.findIndex((r) => r.span.span_id === selectedId) : -1
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
          const node = rows[v.index]!
          const id = node.span.span_id
          return (
            <div key={id} className="span-slot" style={{ transform: `translateY(${v.start}px)` }}>
              <Row
                node={node}
                totalMs={tree.totalMs}
                selected={id === selectedId}
                collapsed={collapsed.has(id)}
                hit={hits?.has(id) ?? false}
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
