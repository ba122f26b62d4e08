'use client'
/**
 * The trace list: a virtualized grid (only the rows in view are in the
 * DOM, so thousands of rows scroll smoothly), a sticky header whose
 * columns sort, and more pages loaded as the end comes into view.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import Link from 'next/link'
import { useEffect, useRef } from 'react'
import type { TraceItem } from '@/lib/api'
import type { Column } from './columns'

export interface SortState {
  column: string
  order: 'asc' | 'desc'
}

const ROW = 34

export function TraceTable({
  items,
  columns,
  sort,
  onSort,
  selected,
  hrefOf,
  onEndReached,
  modelName,
  footer,
}: {
  items: TraceItem[]
  columns: Column[]
  sort: SortState
  onSort: (column: Column) => void
  selected: number
  hrefOf: (t: TraceItem) => string
  onEndReached: () => void
  modelName: (id: string) => string
  footer: React.ReactNode
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 12,
  })
  const template = columns.map((c) => c.width).join(' ')
  const rows = virtual.getVirtualItems()
  const last = rows[rows.length - 1]

  useEffect(() => {
    if (last && last.index >= items.length - 20) onEndReached()
  }, [last, items.length, onEndReached])

  useEffect(() => {
    if (selected >= 0) virtual.scrollToIndex(selected, { align: 'auto' })
  }, [selected, virtual])

  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtualized grid positions its rows absolutely, which a <table> cannot do
    <div className="table panel" ref={scroller} role="grid" aria-rowcount={items.length} tabIndex={-1}>
      {/* biome-ignore lint/a11y/useSemanticElements: see above */}
      {/* biome-ignore lint/a11y/useFocusableInteractive: the header row is not a stop; its buttons are */}
      <div className="thead" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          // biome-ignore lint/a11y/useSemanticElements: see above
          <button
            key={c.id}
            type="button"
            role="columnheader"
            className={`th${c.align === 'right' ? ' right' : ''}${sort.column === c.id ? ' sorted' : ''}`}
            aria-sort={sort.column === c.id ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
            title={c.server ? 'Sort all matching traces' : 'Sort the loaded traces'}
            onClick={() => onSort(c)}
          >
            <span className="ellipsis">{c.label}</span>
            {sort.column === c.id && <span className="sort-arrow">{sort.order === 'asc' ? '↑' : '↓'}</span>}
          </button>
        ))}
      </div>
      <div className="tbody" style={{ height: virtual.getTotalSize() }}>
        {rows.map((row) => {
          const t = items[row.index]!
          return (
            <Link
              key={t.trace_id}
              href={hrefOf(t)}
              prefetch={false}
              role="row"
              data-trace-id={t.trace_id}
              className={`tr${row.index === selected ? ' selected' : ''}${t.status_code === 'ERROR' ? ' err' : ''}`}
              style={{ gridTemplateColumns: template, transform: `translateY(${row.start}px)` }}
            >
              {columns.map((c) => (
                // biome-ignore lint/a11y/useSemanticElements: see above
                // biome-ignore lint/a11y/useFocusableInteractive: the row link is the stop, not each cell
                <div key={c.id} role="gridcell" className={`td${c.align === 'right' ? ' right' : ''}`}>
                  {c.render(t, { modelName })}
                </div>
              ))}
            </Link>
          )
        })}
      </div>
      <div className="tfoot">{footer}</div>
    </div>
  )
}
