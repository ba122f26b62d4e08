'use client'
/**
 * The traces page: filter, window, sort, columns and live refresh, all in
 * the URL (`?filter=&range=&sort=&order=&cols=&live=1`), over a virtualized
 * table that loads more pages as it scrolls.
 */
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ApiFailure, api, read, type TraceItem } from '@/lib/api'
import { useModelNames } from '@/lib/model-names'
import { resolveRange, type TimeRange } from '@/lib/time-range'
import { useUrlState } from '@/lib/url-state'
import { useHotkeys } from '@/lib/use-hotkeys'
import { EmptyState } from '../ui/EmptyState'
import { RefreshIcon } from '../ui/icons'
import { ColumnChooser } from './ColumnChooser'
import { assessmentColumn, COLUMNS, type Column, compareBy, DEFAULT_COLUMNS } from './columns'
import { FilterBox, type FilterBoxHandle } from './FilterBox'
import { TimeRangePicker } from './TimeRangePicker'
import { TraceTable } from './TraceTable'

const PAGE = 100
const LIVE_MS = 5000

interface Listing {
  items: TraceItem[]
  cursor?: string
  window: { from: string; to: string }
  error?: ApiFailure | Error
  loading: boolean
}

export function TracesView() {
  const url = useUrlState()
  const router = useRouter()
  const filter = url.get('filter') ?? ''
  const range: TimeRange = { range: url.get('range'), from: url.get('from'), to: url.get('to') }
  const sortColumn = url.get('sort') ?? 'start'
  const order = url.get('order') === 'asc' ? 'asc' : 'desc'
  const live = url.get('live') === '1'
  const shownIds = url.get('cols')?.split(',') ?? DEFAULT_COLUMNS
  const modelName = useModelNames()
  const filterBox = useRef<FilterBoxHandle>(null)
  const [list, setList] = useState<Listing>({ items: [], window: resolveRange(range), loading: true })
  const [selected, setSelected] = useState(-1)
  const [anyTrace, setAnyTrace] = useState<boolean>()
  const fetching = useRef(false)

  const serverSort = COLUMNS.find((c) => c.id === sortColumn)?.server
  const queryKey = JSON.stringify([filter, range.range, range.from, range.to, serverSort, order])

  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey names every input
  const fetchPage = useCallback(
    (window: { from: string; to: string }, cursor?: string) =>
      read(
        api.traces.$get({
          query: {
            ...window,
            ...(filter ? { filter } : {}),
            sort: serverSort ?? 'start_time',
            order: serverSort ? order : 'desc',
            limit: String(PAGE),
            ...(cursor ? { cursor } : {}),
          },
        }),
      ),
    [queryKey],
  )

  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey names every input
  const load = useCallback(
    (mode: 'reset' | 'live') => {
      const window = resolveRange(range)
      if (mode === 'reset') setList((l) => ({ ...l, loading: true, error: undefined }))
      fetchPage(window).then(
        (page) =>
          setList((l) => {
            if (mode === 'reset')
              return { items: page.items, cursor: page.nextCursor, window, loading: false }
            const fresh = new Set(page.items.map((t) => t.trace_id))
            return { ...l, items: [...page.items, ...l.items.filter((t) => !fresh.has(t.trace_id))], window }
          }),
        (error: Error) => setList((l) => ({ ...l, error, loading: false })),
      )
    },
    [fetchPage, queryKey],
  )

  useEffect(() => {
    load('reset')
    setSelected(-1)
  }, [load])

  useEffect(() => {
    if (!live) return
    const timer = setInterval(() => document.visibilityState === 'visible' && load('live'), LIVE_MS)
    return () => clearInterval(timer)
  }, [live, load])

  // No trace at all (not only none in this window): the page becomes the getting-started guide.
  useEffect(() => {
    if (list.loading || list.items.length > 0 || filter || anyTrace !== undefined) return
    read(api.traces.$get({ query: { from: '1', limit: '1' } })).then(
      (p) => setAnyTrace(p.items.length > 0),
      () => setAnyTrace(true),
    )
  }, [list.loading, list.items.length, filter, anyTrace])

  const loadMore = useCallback(() => {
    if (!list.cursor || fetching.current) return
    fetching.current = true
    fetchPage(list.window, list.cursor)
      .then(
        (page) => setList((l) => ({ ...l, items: [...l.items, ...page.items], cursor: page.nextCursor })),
        (error: Error) => setList((l) => ({ ...l, error })),
      )
      .finally(() => {
        fetching.current = false
      })
  }, [fetchPage, list.cursor, list.window])

  const allColumns = useMemo(() => {
    const names = new Set<string>()
    for (const t of list.items) for (const n of Object.keys(t.assessments)) names.add(n)
    return [...COLUMNS, ...[...names].sort().map(assessmentColumn)]
  }, [list.items])
  const columns = shownIds
    .map(
      (id) =>
        allColumns.find((c) => c.id === id) ??
        (id.startsWith('a:') ? assessmentColumn(id.slice(2)) : undefined),
    )
    .filter((c): c is Column => c !== undefined)
  const sortCol = allColumns.find((c) => c.id === sortColumn)
  const items = useMemo(
    () => (sortCol && !sortCol.server ? [...list.items].sort(compareBy(sortCol, order)) : list.items),
    [list.items, sortCol, order],
  )

  const hrefOf = useCallback((t: TraceItem) => `/traces/view?id=${t.trace_id}`, [])
  useHotkeys({
    '/': () => filterBox.current?.focus(),
    j: () => setSelected((s) => Math.min(s + 1, items.length - 1)),
    arrowdown: () => setSelected((s) => Math.min(s + 1, items.length - 1)),
    k: () => setSelected((s) => Math.max(s - 1, 0)),
    arrowup: () => setSelected((s) => Math.max(s - 1, 0)),
    enter: () => selected >= 0 && items[selected] && router.push(hrefOf(items[selected]!)),
    r: () => load('reset'),
  })

  function onSort(c: Column) {
    const same = sortColumn === c.id
    url.set({
      sort: c.id === 'start' ? undefined : c.id,
      order: same ? (order === 'asc' ? undefined : 'asc') : c.id === 'name' ? 'asc' : undefined,
    })
  }

  const filterError = list.error instanceof ApiFailure && list.error.field === 'query.filter'
  if (anyTrace === false && !filter && list.items.length === 0)
    return (
      <div className="page">
        <div className="page-head">
          <h1>Traces</h1>
        </div>
        <EmptyState />
      </div>
    )

  return (
    <div className="page traces-page">
      <div className="page-head">
        <h1>Traces</h1>
        <span className="muted">
          {list.loading ? 'loading…' : `${items.length}${list.cursor ? '+' : ''} in window`}
        </span>
        <div className="spacer" />
        <TimeRangePicker
          value={range}
          onChange={(r) => url.set({ range: r.range, from: r.from, to: r.to })}
        />
        <button
          type="button"
          className={`btn${live ? ' on' : ''}`}
          aria-pressed={live}
          title="Refresh every 5 seconds"
          onClick={() => url.set({ live: live ? undefined : '1' })}
        >
          <span className={`live-dot${live ? ' on' : ''}`} /> Live
        </button>
        <button
          type="button"
          className="btn"
          aria-label="Refresh"
          title="Refresh (r)"
          onClick={() => load('reset')}
        >
          <RefreshIcon />
        </button>
        <ColumnChooser
          columns={allColumns}
          shown={shownIds}
          onChange={(ids) => url.set({ cols: ids.join(',') })}
        />
      </div>
      <FilterBox ref={filterBox} value={filter} onApply={(f) => url.set({ filter: f })} />
      {list.error && !filterError && <div className="banner">{list.error.message}</div>}
      {filterError && <div className="banner">{list.error?.message}</div>}
      <TraceTable
        items={items}
        columns={columns}
        sort={{ column: sortColumn, order }}
        onSort={onSort}
        selected={selected}
        hrefOf={hrefOf}
        onEndReached={loadMore}
        modelName={modelName}
        footer={
          list.loading ? null : items.length === 0 ? (
            <div className="empty-rows">
              No traces {filter ? 'match this filter' : ''} in this window.{' '}
              <button
                type="button"
                className="link"
                onClick={() => url.set({ range: '30d', from: undefined, to: undefined })}
              >
                Look at the last 30 days
              </button>
            </div>
          ) : list.cursor ? (
            <span className="muted">Loading more as you scroll…</span>
          ) : (
            <span className="muted">
              {items.length} traces
              {sortCol && !sortCol.server
                ? ` · sorted by ${sortCol.label.toLowerCase()} within the loaded rows`
                : ''}
            </span>
          )
        }
      />
    </div>
  )
}
